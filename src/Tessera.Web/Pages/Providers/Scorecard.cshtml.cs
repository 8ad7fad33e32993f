using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Metrics.Definitions;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Metrics;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Providers;

/// <summary>
/// A provider's past performance for a procurement panel: every contract of theirs the user may
/// see, each metric's periods by band, its latest figure against target and peers — printable.
/// </summary>
[Requires(Capability.ViewContracts)]
public sealed class ScorecardModel(RequestAccess request) : PageModel
{
    /// <summary>The provider's id.</summary>
    public string Provider { get; private set; } = "";

    /// <summary>Each contract with its performance rows.</summary>
    public IReadOnlyList<(RegisteredContract Contract, IReadOnlyList<PerformanceRow> Rows)> Contracts { get; private set; } = [];

    /// <summary>Metric definitions by id.</summary>
    public IReadOnlyDictionary<string, MetricDefinition> Definitions { get; private set; } = new Dictionary<string, MetricDefinition>();

    /// <summary>Shows the scorecard.</summary>
    public IActionResult OnGet(string provider)
    {
        if (!Load(provider))
        {
            return NotFound();
        }

        Definitions = MetricCatalog.Load(request.Caller.Workspace).Select(e => e.Definition).ToDictionary(d => d.Id);
        return Page();
    }

    /// <summary>Every contract's performance rows as CSV or Excel (the columns of <c>tessera contracts performance --format csv</c>).</summary>
    public IActionResult OnGetExport(string provider, string? format) => Load(provider)
        ? TableDownload.File(format, $"{provider}-scorecard", "Scorecard", PerformanceRow.Header, Contracts.SelectMany(c => c.Rows.Select(r => r.Cells)))
        : NotFound();

    private bool Load(string provider)
    {
        try
        {
            Contracts = ContractRegistry.Scorecard(request.Caller, provider);
            Provider = provider;
            return true;
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }
    }
}
