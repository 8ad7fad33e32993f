using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Management;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Management;

/// <summary>
/// A program's providers on one metric over the latest year: the ranking, the funnel plot (so a
/// small provider is not over-read) and each provider's year against the one before; the method
/// and the figures' freshness stated; small cells hidden beyond administrators.
/// </summary>
[Requires(Capability.ViewManagement)]
public sealed class ProgramDashboardModel(RequestAccess request) : PageModel
{
    /// <summary>The CSV and Excel columns.</summary>
    public static IReadOnlyList<string> Header { get; } =
        ["program", "metric", "from", "to", "provider", "name", "numerator", "denominator", "value", "previous_value", "rank", "funnel_position", "hidden", "expected", "adjusted", "adjusted_rank", "adjusted_funnel_position"];

    /// <summary>The dashboard.</summary>
    public ProgramDashboard Dashboard { get; private set; } = null!;

    /// <summary>True when deliveries newer than the figures are queued for recomputation.</summary>
    public bool Behind { get; private set; }

    /// <summary>The metrics of the program's contracts.</summary>
    public IReadOnlyList<string> Metrics { get; private set; } = [];

    /// <summary>Shows the dashboard of <paramref name="metric"/> (default: the program's first).</summary>
    public IActionResult OnGet(string program, string? metric) => Load(program, metric) ? Page() : NotFound();

    /// <summary>The ranking as CSV or Excel.</summary>
    public IActionResult OnGetExport(string program, string? metric, string? format) => Load(program, metric)
        ? TableDownload.File(format, $"{program}-{Dashboard.Metric}", "Ranking", Header, Dashboard.Providers.Select(p => (IReadOnlyList<object?>)[
            Dashboard.Program, Dashboard.Metric, Dashboard.From, Dashboard.To, p.Provider, p.Name, p.Numerator, p.Denominator, p.Value, p.PreviousValue, p.Rank, p.Position, p.Hidden,
            p.Expected, p.Adjusted, p.AdjustedRank, p.AdjustedPosition]))
        : NotFound();

    /// <summary>The funnel plot's points as the chart script reads them.</summary>
    public string Points(bool adjusted = false) => JsonSerializer.Serialize(Dashboard.Providers.Where(p => !p.Hidden && p.Denominator is not null && (!adjusted || p.Adjusted is not null))
        .Select(p => new { x = p.Denominator, y = adjusted ? p.Adjusted : p.Value, label = p.Provider }));

    /// <summary>The funnel plot's limit curves as the chart script reads them.</summary>
    public string Curve() => Dashboard.Funnel is not { } f ? "[]" : JsonSerializer.Serialize(
        f.Curve(Math.Max(10, (Dashboard.Providers.Max(p => p.Denominator) ?? 10) * 5 / 4)).Select(c => new { x = c.Cases, l95 = c.Lower95, u95 = c.Upper95, l998 = c.Lower998, u998 = c.Upper998 }));

    /// <summary>A value as shown: a percentage for a rate.</summary>
    public string Shown(double? value) => value is not { } v ? "—" : Dashboard.IsRate ? v.ToString("P1", CultureInfo.InvariantCulture) : v.ToString("0.##", CultureInfo.InvariantCulture);

    private bool Load(string program, string? metric)
    {
        Metrics = [.. ContractRegistry.List(request.Caller).Where(c => c.Contract.Program == program).SelectMany(c => c.Contract.Metrics.Select(m => m.Metric)).Distinct().Order(StringComparer.Ordinal)];
        try
        {
            Dashboard = Storage.Management.Dashboards.Program(request.Caller, program, metric ?? Metrics.FirstOrDefault() ?? "");
            Behind = Storage.Metrics.RecomputeQueue.Waiting(request.Caller.Workspace).Contains(Dashboard.Metric);
            return true;
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }
    }
}
