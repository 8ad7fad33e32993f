using Tessera.Contracts.Agreements;
using Tessera.Contracts.Management;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;

namespace Tessera.Storage.Management;

/// <summary>
/// Which of the caller's contracts get active contract management: each scored on the seeds'
/// criteria (<see cref="AcmScore"/>) from its record, results and alerts, and a plan of
/// improvement sprints that rotates intensive attention over them.
/// </summary>
public static class Portfolio
{
    /// <summary>The contracts the caller manages, highest score first.</summary>
    /// <exception cref="AccessDeniedException">The caller does not run contract management.</exception>
    public static IReadOnlyList<AcmScore> Scores(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var scope = new ManagementScope(caller);
        caller.Permit(Capability.RunManagement, AuditAction.Read, "ACM scores of the contracts");
        var workspace = caller.Workspace;
        var all = scope.All.Values.Select(c => c.Contract).ToList();
        var shortListed = Planning.Inventory.PromotedContracts(workspace);
        var alerts = Alerts.Raise(workspace, scope.Contracts).Where(a => a.IsOpen).GroupBy(a => a.Alert.Contract).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return [.. scope.Contracts.Select(registered =>
            {
                var contract = registered.Contract;
                var bands = ContractRegistry.Measure(workspace, contract, null, null).Where(r => r.Band != "no_data").ToList();
                var offTrack = bands.Count == 0 ? 0 : (double)bands.Count(r => r.Band == TargetBand.OffTrack.Code()) / bands.Count;
                var (own, program) = Dashboards.Cases(workspace, contract);
                return AcmScore.Of(contract, all, offTrack, alerts.GetValueOrDefault(contract.Id.Value), own, program, shortListed.Contains(contract.Id.Value));
            })
            .OrderByDescending(s => s.Points).ThenBy(s => s.Contract, StringComparer.Ordinal)];
    }
}
