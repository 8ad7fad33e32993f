using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Contracts.Monitoring;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Management;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Management;

/// <summary>
/// The alerts of the user's contracts — of one contract or one program if asked — with what
/// fired and why, acknowledged and closed here, and turned into action items.
/// </summary>
[Requires(Capability.ViewManagement)]
public sealed class AlertsModel(RequestAccess request) : PageModel
{
    /// <summary>Only this contract's alerts.</summary>
    [FromQuery(Name = "contract")]
    public string? Contract { get; set; }

    /// <summary>Only this program's.</summary>
    [FromQuery(Name = "program")]
    public string? Program { get; set; }

    /// <summary>The alerts.</summary>
    public IReadOnlyList<RaisedAlert> Raised { get; private set; } = [];

    /// <summary>True when the user acts on alerts.</summary>
    public bool MayRun => AccessPolicy.Permits(request.User, Capability.RunManagement);

    /// <summary>Shows the alerts.</summary>
    public IActionResult OnGet() => Load() ? Page() : NotFound();

    /// <summary>The alerts as CSV or Excel, in the columns of <c>tessera acm alerts</c> plus their number and status.</summary>
    public IActionResult OnGetExport(string? format) => Load()
        ? TableDownload.File(format, Contract ?? Program ?? "alerts", "Alerts", ["alert", .. Alert.Header, "status"], Raised.Select(a => (IReadOnlyList<object?>)[a.Id, .. a.Alert.Cells, a.Status]))
        : NotFound();

    /// <summary>Acknowledges an alert.</summary>
    [Requires(Capability.RunManagement)]
    public IActionResult OnPostAcknowledge(long id, string? note) => Act(() => Storage.Management.Alerts.Acknowledge(request.Caller, id, note));

    /// <summary>Closes an alert.</summary>
    [Requires(Capability.RunManagement)]
    public IActionResult OnPostClose(long id, string? note) => Act(() => Storage.Management.Alerts.Close(request.Caller, id, note));

    private IActionResult Act(Func<RaisedAlert> act)
    {
        try
        {
            act();
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return NotFound();
        }

        var filter = Contract is not null ? $"?contract={Uri.EscapeDataString(Contract)}" : Program is not null ? $"?program={Uri.EscapeDataString(Program)}" : "";
        return Redirect($"/acm/alerts{filter}");
    }

    private bool Load()
    {
        try
        {
            Raised = Storage.Management.Alerts.List(request.Caller, Contract, Program);
            return true;
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }
    }
}
