using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Storage.Planning;
using Tessera.Storage.Workspaces;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Plan;

/// <summary>
/// The service overlap by ZIP code, sex or generation: each group's persons served by one agency
/// and by several (and by ZIP code, the families with members in several systems), as a stacked
/// bar chart and a table (CSV, Excel), suppressed for small cells with the rows' and columns'
/// totals taken as published.
/// </summary>
[Requires(Capability.ViewPlanning)]
public sealed class GroupsModel(RequestAccess request) : PageModel
{
    /// <summary>The groups the chart draws (the table lists every one).</summary>
    public const int ChartBars = 25;

    /// <summary>The breakdown: zip, sex or generation.</summary>
    [BindProperty(SupportsGet = true)]
    public string By { get; set; } = "zip";

    /// <summary>The window's first day, if any.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>The window's last day, if any.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>The overlap by group.</summary>
    public GroupedOverlap? Grouped { get; private set; }

    /// <summary>Why there is nothing to show.</summary>
    public string? Problem { get; private set; }

    /// <summary>The breakdowns offered, with their names on the page.</summary>
    public static IReadOnlyList<(string Key, string Title)> Breakdowns { get; } = [("zip", "ZIP code"), ("sex", "Sex"), ("generation", "Generation")];

    /// <summary>Shows it.</summary>
    public IActionResult OnGet()
    {
        Load();
        if (!Breakdowns.Any(b => b.Key == By))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>The groups as CSV (the group's column, then persons,one_system,several_systems,families,families_several_systems) or Excel; hidden counts are empty.</summary>
    public IActionResult OnGetExport(string? format)
    {
        Load();
        if (Grouped is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return TableDownload.File(format, "service-overlap-by-" + By, "By " + By, [By, "persons", "one_system", "several_systems", "families", "families_several_systems"],
            Grouped.Rows.Select(r => (IReadOnlyList<object?>)[r.Group, r.Persons, r.OneSystem, r.SeveralSystems, r.Families, r.FamiliesAcrossSystems]));
    }

    /// <summary>The chart's two stacked series: persons in one system, persons in several.</summary>
    public string Series()
    {
        var rows = Grouped!.Rows.Take(ChartBars).ToList();
        static string Values(IEnumerable<long?> counts) => string.Join("|", counts.Select(c => c?.ToString(CultureInfo.InvariantCulture) ?? ""));
        return JsonSerializer.Serialize(new[]
        {
            new { label = "One agency", values = Values(rows.Select(r => r.OneSystem)) },
            new { label = "Two or more agencies", values = Values(rows.Select(r => r.SeveralSystems)) },
        });
    }

    /// <summary>A share as the page shows it.</summary>
    public static string Share(double? share) => share is { } s ? s.ToString("P0", CultureInfo.InvariantCulture) : "hidden";

    private void Load()
    {
        if (!Enum.TryParse<OverlapBreakdown>(By, ignoreCase: true, out var by) || !Breakdowns.Any(b => b.Key == By))
        {
            Problem = $"Break the overlap down by {string.Join(", ", Breakdowns.Select(b => b.Key))}.";
            return;
        }

        try
        {
            Grouped = ServiceOverlap.By(request.Caller, by, From, To);
        }
        catch (WorkspaceException e)
        {
            Problem = e.Message;
        }
    }
}
