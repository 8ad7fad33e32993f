using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Metrics.Results;
using Tessera.Storage.Metrics;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Metrics;

/// <summary>
/// The metric catalogue: every metric the workspace knows (the standard library and its own
/// definitions), what it counts in plain language, where it comes from, and when it was last
/// computed. No figures here; a metric's page shows them.
/// </summary>
[Requires(Capability.ViewMetrics)]
public sealed class IndexModel(WorkspaceAccess access, RequestAccess request) : PageModel
{
    /// <summary>The metrics the user may see, with their latest run (null when never computed).</summary>
    public IReadOnlyList<(CatalogEntry Entry, MetricRun? Run)> Metrics { get; private set; } = [];

    /// <summary>Shows the page.</summary>
    public IActionResult OnGet()
    {
        if (!Load())
        {
            return NotFound();
        }

        request.Record(AuditAction.Read, "metric catalogue");
        return Page();
    }

    /// <summary>The catalogue as CSV.</summary>
    public IActionResult OnGetCsv()
    {
        if (!Load())
        {
            return NotFound();
        }

        request.Record(AuditAction.Export, "metric catalogue");
        return CsvExport.File("metrics.csv", ["id", "version", "title", "standard", "polarity", "unit", "value", "period", "breakdowns", "origin", "available", "last_computed_utc", "data_to"],
            Metrics.Select(m => (IReadOnlyList<object?>)[m.Entry.Definition.Id, m.Entry.Definition.Version, m.Entry.Definition.Title, m.Entry.Definition.Standard, m.Entry.Definition.Polarity,
                m.Entry.Definition.Unit, m.Entry.Definition.Value, m.Entry.Definition.Period, string.Join(" ", m.Entry.Definition.GroupBy.Select(g => g.Name)), m.Entry.Origin,
                m.Entry.Available ? "yes" : "no", m.Run?.ComputedUtc.ToString("s", CultureInfo.InvariantCulture), m.Run?.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]));
    }

    private bool Load()
    {
        if (access.Current is not { } workspace)
        {
            return false;
        }

        var runs = new PublishedMetrics(workspace).LatestRuns();
        Metrics = MetricCatalog.Load(workspace).Where(e => MetricAccess.Sees(request.User, e.Definition)).Select(e => (e, runs.GetValueOrDefault(e.Definition.Id))).ToList();
        return true;
    }
}
