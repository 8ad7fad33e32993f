using System.Globalization;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Intake.Delivering;
using Tessera.Storage.Access;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Contracting;

/// <summary>
/// Providers' own service records — attendance, sessions, engagement contacts — sent by the
/// provider itself, through the portal's upload or the delivery API with a token of its own. The
/// same intake as an agency's delivery (validation, quarantine, quality profile, all or nothing);
/// what differs is who may send: staff of a registered provider, for that provider only, to a
/// source whose dictionary says providers deliver it. Each provider sees its own deliveries and
/// their quarantined rows, and nobody else's.
/// </summary>
public static class ServiceDeliveries
{
    /// <summary>The registered sources providers deliver themselves, by name.</summary>
    public static IReadOnlyList<string> Sources(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return [.. workspace.Sources.List().Select(s => s.Name).Where(name => workspace.Sources.Dictionaries(name) is [{ IsDeliveredByProviders: true }]).Order(StringComparer.Ordinal)];
    }

    /// <summary>True when <paramref name="source"/> is registered and providers deliver it.</summary>
    public static bool IsDeliveredByProviders(Workspace workspace, string source)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Sources(workspace).Contains(source, StringComparer.Ordinal);
    }

    /// <summary>Lets the caller send a delivery of <paramref name="source"/> for <paramref name="provider"/>, on record.</summary>
    /// <exception cref="AccessDeniedException">The role does not send service data, or (not found) the provider is not theirs, not registered, or the source is not one providers deliver.</exception>
    public static void Permit(Caller caller, string source, string provider)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Permit(Capability.DeliverServiceData, AuditAction.Ingest, $"delivery to {source} by provider {provider}",
            inScope: AccessPolicy.SeesProvider(caller.User, provider) && ProviderRegistry.All(caller.Workspace).ContainsKey(provider) && IsDeliveredByProviders(caller.Workspace, source));
    }

    /// <summary>Ingests <paramref name="request"/> (its <see cref="DeliveryRequest.Provider"/> set) once <see cref="Permit"/> allows it.</summary>
    /// <exception cref="AccessDeniedException">As for <see cref="Permit"/>.</exception>
    public static DeliveryOutcome Deliver(Caller caller, DeliveryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        Permit(caller, request.Source, request.Provider ?? "");
        return caller.Workspace.Ingest(request, caller.Workspace.Clock, cancellationToken: cancellationToken);
    }

    /// <summary>The deliveries <paramref name="provider"/> sent, newest first.</summary>
    /// <exception cref="AccessDeniedException">The role does not send service data, or (not found) the provider is not theirs.</exception>
    public static IReadOnlyList<DeliveryLedgerEntry> List(Caller caller, string provider)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Permit(Capability.DeliverServiceData, AuditAction.Read, $"service deliveries of provider {provider}",
            inScope: AccessPolicy.SeesProvider(caller.User, provider) && ProviderRegistry.All(caller.Workspace).ContainsKey(provider));
        return [.. Sources(caller.Workspace).SelectMany(source => caller.Workspace.Vault.Deliveries(source)).Where(d => d.Provider == provider).OrderByDescending(d => d.Id)];
    }

    /// <summary>Delivery <paramref name="id"/> of <paramref name="provider"/> and its quarantined rows (the provider's own values, nothing sealed).</summary>
    /// <exception cref="AccessDeniedException">Not found: no such delivery, or not one this provider sent (the same answer).</exception>
    public static (DeliveryLedgerEntry Delivery, IReadOnlyList<QuarantineEntry> Problems) Show(Caller caller, string provider, long id)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var found = AccessPolicy.SeesProvider(caller.User, provider) ? caller.Workspace.Vault.Delivery(id) : null;
        caller.Permit(Capability.DeliverServiceData, AuditAction.Read, string.Create(CultureInfo.InvariantCulture, $"service delivery {id} of provider {provider}"),
            inScope: found is not null && found.Provider == provider && IsDeliveredByProviders(caller.Workspace, found.Source));
        return (found!, caller.Workspace.Vault.Quarantined(id));
    }
}
