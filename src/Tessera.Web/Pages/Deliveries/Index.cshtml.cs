using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Intake.Delivering;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Deliveries;

/// <summary>Every delivery ingested, newest first: what was accepted, superseded or rejected, and why.</summary>
[Requires(Capability.ListDeliveries)]
public sealed class IndexModel(WorkspaceAccess access, RequestAccess request) : PageModel
{
    /// <summary>Only this source's deliveries, when set.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    /// <summary>The deliveries shown.</summary>
    public IReadOnlyList<DeliveryLedgerEntry> Deliveries { get; private set; } = [];

    /// <summary>Registered source names, for the filter.</summary>
    public IReadOnlyList<string> Sources { get; private set; } = [];

    /// <summary>False until the workspace is initialised.</summary>
    public bool Initialised { get; private set; }

    /// <summary>Shows the list.</summary>
    public void OnGet() => Load();

    /// <summary>The list as CSV.</summary>
    public IActionResult OnGetCsv()
    {
        Load();
        request.Record(AuditAction.Export, "deliveries list");
        return CsvExport.File("tessera-deliveries.csv", ["delivery", "source", "period", "status", "rows_read", "rows_accepted", "rows_quarantined", "received_utc", "files", "reason"],
            Deliveries.Select(d => (IReadOnlyList<object?>)[d.Id, d.Source, d.PeriodLabel, d.Status, d.RowsRead, d.RowsAccepted, d.RowsQuarantined, d.ReceivedUtc.ToString("u", System.Globalization.CultureInfo.InvariantCulture), d.Files, d.StatusReason]));
    }

    private void Load()
    {
        var workspace = access.Current;
        Initialised = workspace is not null;
        if (workspace is null)
        {
            return;
        }

        Sources = workspace.Sources.List(request.Scope).Select(s => s.Name).ToList();
        Deliveries = workspace.Vault.Deliveries(string.IsNullOrEmpty(Source) ? null : Source, request.Scope);
    }
}
