using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Metrics.Definitions;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Metrics;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Contracts;

/// <summary>
/// One contract: its terms, and each metric's trend against the target band with the historical,
/// peer and best-practice benchmarks — a chart and the table behind it — as CSV too, plus the
/// contract's versions. Another agency's or provider's contract is "not found".
/// </summary>
[Requires(Capability.ViewContracts)]
public sealed class DetailModel(RequestAccess request) : PageModel
{
    /// <summary>The contract.</summary>
    public RegisteredContract Contract { get; private set; } = null!;

    /// <summary>Its versions, oldest first.</summary>
    public IReadOnlyList<ContractVersion> History { get; private set; } = [];

    /// <summary>Its performance rows, metric by metric.</summary>
    public IReadOnlyList<PerformanceRow> Rows { get; private set; } = [];

    /// <summary>The definitions of its metrics, by id.</summary>
    public IReadOnlyDictionary<string, MetricDefinition> Definitions { get; private set; } = new Dictionary<string, MetricDefinition>();

    /// <summary>True when the user may see the contract's payment statements.</summary>
    public bool MayViewPayments => AccessPolicy.Permits(request.User, Capability.ViewPayments);

    /// <summary>True when the user may change the contract.</summary>
    public bool MayManage => AccessPolicy.Permits(request.User, Capability.ManageContracts);

    /// <summary>Shows the contract.</summary>
    public IActionResult OnGet(string contract)
    {
        try
        {
            (Contract, History) = ContractRegistry.Show(request.Caller, contract);
            Rows = ContractRegistry.Performance(request.Caller, contract);
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return NotFound();
        }

        var catalog = MetricCatalog.Load(request.Caller.Workspace);
        Definitions = Contract.Contract.Metrics.Select(m => catalog.FirstOrDefault(e => e.Definition.Id == m.Metric)?.Definition).OfType<MetricDefinition>().ToDictionary(d => d.Id);
        return Page();
    }

    /// <summary>The performance table as CSV, as <c>tessera contracts performance ID --format csv</c> writes it (<c>format=xlsx</c>: as Excel).</summary>
    public IActionResult OnGetCsv(string contract, string? format)
    {
        try
        {
            return TableDownload.File(format, $"{contract}-performance", "Performance", PerformanceRow.Header, ContractRegistry.Performance(request.Caller, contract).Select(r => r.Cells));
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return NotFound();
        }
    }

    /// <summary>The chart's series for one metric: value, target, peer median, historical, best practice.</summary>
    public static string Series(IReadOnlyList<PerformanceRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        static string Join(IEnumerable<double?> values) => string.Join("|", values.Select(v => v?.ToString("R", CultureInfo.InvariantCulture) ?? ""));
        var series = new List<object>
        {
            new { label = "Provider", values = Join(rows.Select(r => r.Value)) },
            new { label = "Target", values = Join(rows.Select(r => (double?)(double)r.Target)), dashed = true },
            new { label = "Peer median", values = Join(rows.Select(r => r.PeerMedian)), dotted = true },
            new { label = "Own year before", values = Join(rows.Select(r => r.Historical)), dotted = true },
        };
        if (rows.Any(r => r.BestPractice is not null))
        {
            series.Add(new { label = "Best practice", values = Join(rows.Select(r => r.BestPractice is { } b ? (double?)(double)b : null)), dashed = true });
        }

        return JsonSerializer.Serialize(series);
    }

    /// <summary>A figure as shown: a rate as a percentage, anything else with up to two decimals; a dash for none.</summary>
    public static string Shown(double? value, MetricDefinition? definition) =>
        value is not { } v ? "—"
        : definition?.Value == "rate" ? v.ToString("P1", CultureInfo.InvariantCulture)
        : v.ToString("0.##", CultureInfo.InvariantCulture);
}
