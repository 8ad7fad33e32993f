using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Contracts.Management;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Management;
using Tessera.Storage.Payments;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Providers;

/// <summary>
/// A provider's home: its contracts, what needs its attention (open alerts and action items, the
/// next meetings, the latest approved statements), and the way to everything else it may see —
/// performance against target and peers, what happened to its clients afterwards, what caseworkers
/// reported, and sending its own service data. Provider staff land here when they sign in.
/// </summary>
[Requires(Capability.ViewContracts)]
public sealed class PortalModel(RequestAccess request) : PageModel
{
    /// <summary>The provider.</summary>
    public RegisteredProvider Provider { get; private set; } = null!;

    /// <summary>Its contracts the user sees.</summary>
    public IReadOnlyList<RegisteredContract> Contracts { get; private set; } = [];

    /// <summary>Open alerts on those contracts.</summary>
    public IReadOnlyList<RaisedAlert> Alerts { get; private set; } = [];

    /// <summary>Open action items on those contracts.</summary>
    public IReadOnlyList<ActionItem> Items { get; private set; } = [];

    /// <summary>Meetings on those contracts from today on.</summary>
    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    /// <summary>The contracts' statements the user sees (approved only for provider staff), newest first.</summary>
    public IReadOnlyList<PaymentStatement> Statements { get; private set; } = [];

    /// <summary>Today, by the workspace's clock.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>True when the user sends the provider's service data (its staff).</summary>
    public bool MaySendServiceData => AccessPolicy.Permits(request.User, Capability.DeliverServiceData);

    /// <summary>True when the user sees contract management (alerts, items, meetings, frontline counts).</summary>
    public bool MayManage => AccessPolicy.Permits(request.User, Capability.ViewManagement);

    /// <summary>Shows the provider's home.</summary>
    public IActionResult OnGet(string provider)
    {
        var caller = request.Caller;
        var found = ProviderRegistry.List(caller).FirstOrDefault(p => p.Provider.Id.Value == provider);
        try
        {
            caller.Permit(Capability.ViewContracts, AuditAction.Read, $"provider {provider}", inScope: found is not null);
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return NotFound();
        }

        Provider = found!;
        Today = DateOnly.FromDateTime(caller.Workspace.UtcNow);
        Contracts = [.. ContractRegistry.List(caller).Where(c => c.Contract.Provider.Value == provider)];
        var ids = Contracts.Select(c => c.Contract.Id.Value).ToHashSet(StringComparer.Ordinal);
        if (MayManage)
        {
            Alerts = [.. Storage.Management.Alerts.List(caller).Where(a => a.IsOpen && ids.Contains(a.Alert.Contract))];
            Items = [.. ActionItems.List(caller).Where(i => i.IsOpen && i.Contract is { } c && ids.Contains(c))];
            Meetings = [.. Storage.Management.Meetings.List(caller).Where(m => m.Contract is { } c && ids.Contains(c) && m.Day >= Today).OrderBy(m => m.Day)];
        }

        if (AccessPolicy.Permits(request.User, Capability.ViewPayments))
        {
            Statements = [.. PaymentRuns.List(caller).Where(s => ids.Contains(s.Contract)).Take(12)];
        }

        return Page();
    }
}
