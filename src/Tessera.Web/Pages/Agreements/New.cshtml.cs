using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Governance.Agreements;
using Tessera.Storage.Agreements;
using Tessera.Storage.Workspaces;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Agreements;

/// <summary>
/// A data use licence drafted in a form: the licensee, the project and its purpose and questions,
/// the files it may use, the level of release, the period, the destruction day and the plans. Saved
/// as a draft that every contributing agency and the review body then approve on its page.
/// </summary>
[Requires(Capability.ManageAgreements)]
public sealed partial class NewModel(RequestAccess request) : PageModel
{
    /// <summary>The licence's id, e.g. dul-eval-2.</summary>
    [BindProperty]
    public string? Id { get; set; }

    /// <summary>Who uses the data (their sign-in name).</summary>
    [BindProperty]
    public string? Licensee { get; set; }

    /// <summary>The project's short name.</summary>
    [BindProperty]
    public string? Project { get; set; }

    /// <summary>Why, in plain language.</summary>
    [BindProperty]
    public string? Purpose { get; set; }

    /// <summary>The research questions, one per line.</summary>
    [BindProperty]
    public string? Questions { get; set; }

    /// <summary>The files it may use, as "source/File".</summary>
    [BindProperty]
    public List<string> Files { get; set; } = [];

    /// <summary>"deidentified" or "limited".</summary>
    [BindProperty]
    public string Level { get; set; } = "deidentified";

    /// <summary>First day, yyyy-MM-dd.</summary>
    [BindProperty]
    public string? Start { get; set; }

    /// <summary>Last day, yyyy-MM-dd.</summary>
    [BindProperty]
    public string? End { get; set; }

    /// <summary>The day the licensee destroys the data, yyyy-MM-dd (needed for education records).</summary>
    [BindProperty]
    public string? DestroyOn { get; set; }

    /// <summary>How the licensee keeps the data safe.</summary>
    [BindProperty]
    public string? SecurityPlan { get; set; }

    /// <summary>What the licensee will publish, and how.</summary>
    [BindProperty]
    public string? DisseminationPlan { get; set; }

    /// <summary>Each source's files, to choose from.</summary>
    public IReadOnlyList<(string Source, string Title, IReadOnlyList<string> Files)> Sources { get; private set; } = [];

    /// <summary>What is wrong with what was entered.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>Shows the empty form.</summary>
    public void OnGet() => Choices();

    /// <summary>Saves the draft, or shows the form again with its problems.</summary>
    public IActionResult OnPost()
    {
        Choices();
        var problems = new List<string>();
        var licence = Read(problems);
        if (licence is null)
        {
            Problems = problems;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            AgreementRegistry.Draft(request.Caller, licence);
        }
        catch (WorkspaceException wrong)
        {
            Problems = [wrong.Message];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect("/agreements/" + licence.Id);
    }

    private void Choices() => Sources = [.. request.Caller.Workspace.Sources.List().Select(s => (s.Name, s.Title,
        (IReadOnlyList<string>)[.. request.Caller.Workspace.Sources.Dictionaries(s.Name).MaxBy(d => d.Version)!.Files.Select(f => f.Name)]))];

    private DataUseLicence? Read(List<string> problems)
    {
        string Required(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add($"{field}: required.");
                return "";
            }

            return text.Trim();
        }

        DateOnly? Day(string? text, string field, bool required)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                if (required)
                {
                    problems.Add($"{field}: required.");
                }

                return null;
            }

            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            problems.Add($"{field}: expected a date as yyyy-MM-dd, found '{text.Trim()}'.");
            return null;
        }

        var id = Required(Id, "Licence id");
        if (id.Length > 0 && !IdPattern().IsMatch(id))
        {
            problems.Add($"Licence id: letters, digits, dots, dashes or underscores, found '{id}'.");
        }

        var licensee = Required(Licensee, "Licensee");
        var project = Required(Project, "Project");
        var purpose = Required(Purpose, "Purpose");
        var level = Level switch { "deidentified" => ReleaseLevel.Deidentified, "limited" => ReleaseLevel.Limited, _ => (ReleaseLevel?)null };
        if (level is null)
        {
            problems.Add("Level: de-identified or limited data set.");
        }

        var start = Day(Start, "First day", required: true);
        var end = Day(End, "Last day", required: true);
        var destroy = Day(DestroyOn, "Destruction day", required: false);
        if (start is { } s && end is { } e && e < s)
        {
            problems.Add("Last day: before the first day.");
        }

        var known = Sources.SelectMany(x => x.Files.Select(f => x.Source + "/" + f)).ToHashSet(StringComparer.Ordinal);
        var files = Files.Where(f => !string.IsNullOrWhiteSpace(f)).Distinct(StringComparer.Ordinal).ToList();
        problems.AddRange(files.Where(f => !known.Contains(f)).Select(f => $"Files: '{f}' is not a file of this workspace."));
        if (files.Count == 0)
        {
            problems.Add("Files: choose at least one.");
        }

        if (problems.Count > 0)
        {
            return null;
        }

        var sources = files.Where(known.Contains).GroupBy(f => f.Split('/')[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(f => f.Split('/', 2)[1])], StringComparer.Ordinal);
        var questions = (Questions ?? "").Split('\n').Select(q => q.Trim()).Where(q => q.Length > 0).ToList();
        return new DataUseLicence(id, licensee, project, purpose, sources, level!.Value, start!.Value, end!.Value, questions, destroy,
            string.IsNullOrWhiteSpace(SecurityPlan) ? null : SecurityPlan.Trim(), string.IsNullOrWhiteSpace(DisseminationPlan) ? null : DisseminationPlan.Trim());
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex IdPattern();
}
