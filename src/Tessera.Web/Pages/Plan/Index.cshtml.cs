using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Workspaces;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Plan;

/// <summary>
/// Planning: the rapid assessments of the agencies the user plans for, a form to start one, and
/// the way to the service overlap. Contract managers see and run their own agency's; analysts read.
/// </summary>
[Requires(Capability.ViewPlanning)]
public sealed class IndexModel(RequestAccess request) : PageModel
{
    /// <summary>The CSV and Excel columns of the list.</summary>
    public static IReadOnlyList<string> Header { get; } = ["id", "agency", "title", "facilitator", "participants", "answers"];

    /// <summary>The assessments the user may see.</summary>
    public IReadOnlyList<(long Id, string Agency, string Title, string Facilitator, int Participants, int Answers)> Assessments { get; private set; } = [];

    /// <summary>The agencies the user may start an assessment for (none without the planning role).</summary>
    public IReadOnlyList<string> Agencies { get; private set; } = [];

    /// <summary>Why the last request was refused.</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows the page.</summary>
    public void OnGet() => Load();

    /// <summary>The list as CSV or Excel.</summary>
    public IActionResult OnGetExport(string? format)
    {
        Load();
        return TableDownload.File(format, "rapid-assessments", "Rapid assessments", Header,
            Assessments.Select(a => (IReadOnlyList<object?>)[a.Id, a.Agency, a.Title, a.Facilitator, a.Participants, a.Answers]));
    }

    /// <summary>Starts an assessment.</summary>
    public IActionResult OnPostNew(string? agency, string? title, DateOnly? start)
    {
        try
        {
            var id = Storage.Planning.Assessments.Create(request.Caller, agency ?? "", title ?? "", start);
            return Redirect(string.Create(CultureInfo.InvariantCulture, $"/plan/assessments/{id}"));
        }
        catch (AccessDeniedException)
        {
            Problem = $"You may not start an assessment of {agency}: your role plans for other agencies, or does not run assessments.";
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        catch (WorkspaceException e)
        {
            Problem = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Load();
        return Page();
    }

    private void Load()
    {
        var user = request.User;
        Assessments = Storage.Planning.Assessments.List(request.Caller);
        Agencies = AccessPolicy.Permits(user, Capability.RunPlanning)
            ? [.. request.Caller.Workspace.Sources.List().Select(s => s.Name).Where(s => AccessPolicy.SeesPlansOf(user, s))]
            : [];
    }
}
