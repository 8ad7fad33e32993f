using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Management;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Management;

/// <summary>
/// A contract's dashboard: every metric's trend against its target band and benchmarks, this
/// period against the last and this year against the last, its rank and funnel position among the
/// program's providers, open alerts, and how fresh each figure is.
/// </summary>
[Requires(Capability.ViewManagement)]
public sealed class ContractDashboardModel(RequestAccess request) : PageModel
{
    /// <summary>The CSV and Excel columns.</summary>
    public static IReadOnlyList<string> Header { get; } =
        ["contract", "metric", "period_start", "value", "previous_value", "year_value", "previous_year_value", "target", "band", "rank", "ranked", "funnel_position", "open_alerts", "as_of", "computed_utc"];

    /// <summary>The dashboard.</summary>
    public ContractDashboard Dashboard { get; private set; } = null!;

    /// <summary>The contract's metrics waiting for recomputation because newer deliveries arrived.</summary>
    public IReadOnlySet<string> Behind { get; private set; } = new HashSet<string>();

    /// <summary>Each metric's performance rows, for the trend charts.</summary>
    public IReadOnlyList<PerformanceRow> Rows => Dashboard.Rows;

    /// <summary>Shows the dashboard.</summary>
    public IActionResult OnGet(string contract) => Load(contract) ? Page() : NotFound();

    /// <summary>The metrics' standing as CSV or Excel.</summary>
    public IActionResult OnGetExport(string contract, string? format) => Load(contract)
        ? TableDownload.File(format, $"{contract}-dashboard", "Dashboard", Header, Dashboard.Metrics.Select(m => (IReadOnlyList<object?>)[
            Dashboard.Contract, m.Metric, m.Period, m.Value, m.PreviousValue, m.YearValue, m.PreviousYearValue, m.Target, m.Band, m.Rank, m.Ranked, m.Position, m.OpenAlerts, m.AsOf, m.ComputedUtc]))
        : NotFound();

    /// <summary>A figure as shown.</summary>
    public static string Shown(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "—";

    /// <summary>The change from <paramref name="before"/> to <paramref name="now"/>, signed.</summary>
    public static string Change(double? now, double? before) => now is { } n && before is { } b ? (n - b).ToString("+0.###;-0.###;0", CultureInfo.InvariantCulture) : "";

    private bool Load(string contract)
    {
        try
        {
            Dashboard = Storage.Management.Dashboards.Contract(request.Caller, contract);
            Behind = Storage.Metrics.RecomputeQueue.Waiting(request.Caller.Workspace);
            return true;
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }
    }
}
