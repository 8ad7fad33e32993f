using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Governance.Disclosure;
using Tessera.Metrics.Definitions;
using Tessera.Metrics.Results;
using Tessera.Storage.Access;
using Tessera.Storage.Metrics;
using Tessera.Storage.Workspaces;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Metrics;

/// <summary>
/// One metric: what it counts, its definition and lineage (version, data end, deliveries used),
/// its results by period — overall or by one breakdown — as a chart and a table, and CSV. Figures
/// pass through small-cell suppression unless the user is authorised for person-level data, who
/// may also list the pseudonymous persons behind a figure (on record).
/// </summary>
[Requires(Capability.ViewMetrics)]
public sealed class DetailModel(WorkspaceAccess access, RequestAccess request) : PageModel
{
    /// <summary>The metric.</summary>
    public CatalogEntry Entry { get; private set; } = null!;

    /// <summary>Its latest run, or null.</summary>
    public MetricRun? Run { get; private set; }

    /// <summary>The breakdown shown: "all" or a group_by name.</summary>
    [BindProperty(SupportsGet = true)]
    public string By { get; set; } = "all";

    /// <summary>The figures as the user may see them.</summary>
    public IReadOnlyList<PublishedResult> Results { get; private set; } = [];

    /// <summary>True when the user sees exact figures and may list persons.</summary>
    public bool Exact { get; private set; }

    /// <summary>Shows the page.</summary>
    public IActionResult OnGet(string id)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        request.Record(AuditAction.Read, $"results of metric {id}");
        return Page();
    }

    /// <summary>The figures shown, as CSV (suppressed cells empty, with the reason).</summary>
    public IActionResult OnGetCsv(string id)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        request.Record(AuditAction.Export, $"results of metric {id}");
        return CsvExport.File($"{id}.csv", ["metric", "group", "period_start", "period_end", "numerator", "denominator", "value", "suppressed"],
            Results.Select(r => (IReadOnlyList<object?>)[r.Result.MetricId, r.Result.GroupValue, Day(r.Result.PeriodStart), Day(r.Result.PeriodEnd), r.Numerator, r.Denominator,
                r.Value?.ToString("R", CultureInfo.InvariantCulture), r.Hidden switch { Suppression.SmallCell => "small cell", Suppression.Complementary => "complementary", _ => "" }]));
    }

    /// <summary>The pseudonymous persons behind one figure, as CSV. Person-level: authorised users only, on record.</summary>
    [Requires(Capability.ViewMetricPersons)]
    public IActionResult OnGetMembers(string id, string period, string? value)
    {
        if (!Load(id) || !DateOnly.TryParseExact(period, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            return NotFound();
        }

        request.Record(AuditAction.Read, $"persons behind metric {id} for {Day(start)}");
        try
        {
            ProtectedRecords.PermitPersonLevel(request.Caller, Entry.Definition, $"persons behind metric {id} for {Day(start)}");
        }
        catch (WorkspaceException refused)
        {
            return StatusCode(StatusCodes.Status403Forbidden, refused.Message);
        }

        var members = Run is null ? [] : new MetricStore(access.Current!).Members(Entry, Run, By, value ?? "all", start);
        return CsvExport.File($"{id}-{Day(start)}-persons.csv", ["person_id", "anchor_date", "in_numerator"],
            members.Select(m => (IReadOnlyList<object?>)[m.PersonId, Day(m.Anchor), m.InNumerator ? "yes" : "no"]));
    }

    /// <summary>A figure as shown: a rate as a percentage, a count whole, others with two decimals.</summary>
    public string Show(double? value) => value is not { } v ? "" : Entry.Definition.ValueKind switch
    {
        MetricValue.Rate => (100 * v).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        MetricValue.Count => v.ToString("N0", CultureInfo.InvariantCulture),
        _ => v.ToString("N2", CultureInfo.InvariantCulture),
    };

    /// <summary>A figure for a chart: percentages for rates; empty (a gap) when hidden.</summary>
    public string Plot(double? value) => value is not { } v ? "" : (Entry.Definition.ValueKind == MetricValue.Rate ? 100 * v : v).ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A day as YYYY-MM-DD.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The laws protecting the records the metric is derived from, in a sentence; null when none does.</summary>
    public string? Protection { get; private set; }

    private bool Load(string id)
    {
        if (access.Current is not { } workspace)
        {
            return false;
        }

        var entry = MetricCatalog.Load(workspace).FirstOrDefault(e => e.Definition.Id == id);
        if (entry is null || !MetricAccess.Sees(request.User, entry.Definition))
        {
            return false;
        }

        Entry = entry;
        Protection = ProtectedRecords.Describe(ProtectedRecords.Of(workspace, entry.Definition));
        if (By != "all" && entry.Definition.GroupBy.All(g => g.Name != By))
        {
            By = "all";
        }

        var published = new PublishedMetrics(workspace);
        Run = published.LatestRun(id);
        Exact = AccessPolicy.Permits(request.User, Capability.ViewMetricPersons);
        Results = Run is null ? [] : published.Published(id, By, Exact, runId: Run.Id);
        return true;
    }
}
