using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Contracts.Planning;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Planning;
using Tessera.Storage.Workspaces;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Plan;

/// <summary>
/// An assessment's contract inventory ranked on the readiness criteria: the weights (editable),
/// the ranking with each item's reasons, the short list with next steps and the demonstration
/// project, a form to add an item, and the way to promote a short-listed item to a draft contract.
/// </summary>
[Requires(Capability.ViewPlanning)]
public sealed class InventoryModel(RequestAccess request) : PageModel
{
    /// <summary>The CSV and Excel columns of the ranking (as <c>tessera plan inventory rank --format csv</c>).</summary>
    public static IReadOnlyList<string> Header { get; } =
        ["rank", "id", "name", "kind", "program", "annual_value", "key_date", "score", "size", "data", "risk", "timing", "leadership", "short_listed", "pilot", "rationale", "next_steps", "contract"];

    /// <summary>The ranked inventory.</summary>
    public Prioritised Ranked { get; private set; } = null!;

    /// <summary>The assessment's title.</summary>
    public string Title { get; private set; } = "";

    /// <summary>True when the user may change it.</summary>
    public bool MayRun { get; private set; }

    /// <summary>True when the user may also draft contracts (to promote an item).</summary>
    public bool MayDraft { get; private set; }

    /// <summary>Why the last change was refused.</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows it.</summary>
    public IActionResult OnGet(long assessment) => Load(assessment) ? Page() : NotFound();

    /// <summary>The ranking as CSV or Excel.</summary>
    public IActionResult OnGetExport(long assessment, string? format) =>
        Load(assessment)
            ? TableDownload.File(format, string.Create(CultureInfo.InvariantCulture, $"assessment-{assessment}-inventory"), "Inventory", Header, Ranked.Items.Select(r => (IReadOnlyList<object?>)
                [r.Rank, r.Item.Id, r.Item.Name, r.Item.Kind.ToString().ToLowerInvariant(), r.Item.Program, r.Item.AnnualValue, r.Item.KeyDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                 r.Score, .. Enum.GetValues<ReadinessCriterion>().Select(c => (object?)r.Ratings[c]), r.ShortListed ? "yes" : "no", r.Pilot ? "yes" : "no", r.Rationale, string.Join(" ", r.NextSteps), r.Item.Contract]))
            : NotFound();

    /// <summary>Sets the weights: one number per criterion (weight-size, weight-data …), all together.</summary>
    public IActionResult OnPostWeights(long assessment) => Change(assessment, () => Storage.Planning.Inventory.SetWeights(request.Caller, assessment, () =>
    {
        var weights = new Dictionary<ReadinessCriterion, decimal>();
        foreach (var criterion in Enum.GetValues<ReadinessCriterion>())
        {
            var text = Request.HasFormContentType ? Request.Form["weight-" + Prioritisation.Key(criterion)].ToString().Trim() : "";
            if (text.Length == 0)
            {
                continue;
            }

            weights[criterion] = decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var weight)
                ? weight
                : throw new WorkspaceException($"The weight of {Prioritisation.Name(criterion)}: expected a number of 0 or more, e.g. 2, found '{text}'.");
        }

        return weights;
    }));

    /// <summary>Adds an item (or changes the one with the id given).</summary>
    public IActionResult OnPostItem(long assessment, string? id, string? name, string? kind, string? program, string? value, DateOnly? date, string? population, string? outcomeData, string? performance) =>
        Change(assessment, () => Storage.Planning.Inventory.Save(request.Caller, assessment, () =>
        {
            if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dollars))
            {
                throw new WorkspaceException($"Dollars a year: expected a number, e.g. 250000, found '{value}'.");
            }

            var ratings = new Dictionary<ReadinessCriterion, int>();
            foreach (var criterion in Enum.GetValues<ReadinessCriterion>())
            {
                var text = Request.Form["rating-" + Prioritisation.Key(criterion)].ToString().Trim();
                if (text.Length > 0)
                {
                    ratings[criterion] = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rating)
                        ? rating
                        : throw new WorkspaceException($"The {Prioritisation.Name(criterion)} rating: expected a whole number 1 to 5, found '{text}'.");
                }
            }

            return new InventoryItem(id ?? "", name ?? "", string.Equals(kind, "procurement", StringComparison.OrdinalIgnoreCase) ? InventoryKind.Procurement : InventoryKind.Contract,
                "", program ?? "", dollars, date, population, outcomeData, performance, ratings);
        }));

    /// <summary>Takes an item off the inventory.</summary>
    public IActionResult OnPostRemove(long assessment, string? item) =>
        Change(assessment, () => Storage.Planning.Inventory.Remove(request.Caller, assessment, item ?? ""));

    /// <summary>A dollar amount as the page shows it.</summary>
    public static string Dollars(decimal value) => value.ToString("C0", CultureInfo.GetCultureInfo("en-US"));

    private IActionResult Change(long assessment, Action change)
    {
        var refused = PlanningChange.Attempt(change, "You may read this inventory but not change it: that needs the planning role for its agency.");
        if (refused is null)
        {
            return Redirect(string.Create(CultureInfo.InvariantCulture, $"/plan/assessments/{assessment}/inventory"));
        }

        if (refused.Value.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        (Problem, Response.StatusCode) = (refused.Value.Problem, refused.Value.Status);
        return Load(assessment) ? Page() : NotFound();
    }

    private bool Load(long assessment)
    {
        try
        {
            Ranked = Storage.Planning.Inventory.Rank(request.Caller, assessment);
            Title = Storage.Planning.Assessments.Show(request.Caller, assessment).Assessment.Title;
            MayRun = AccessPolicy.Permits(request.User, Capability.RunPlanning) && AccessPolicy.SeesPlansOf(request.User, Ranked.Agency);
            MayDraft = MayRun && AccessPolicy.Permits(request.User, Capability.ManageContracts);
            return true;
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }
    }
}
