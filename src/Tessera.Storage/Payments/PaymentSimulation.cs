using Tessera.Contracts.Agreements;
using Tessera.Contracts.Payments;
using Tessera.Core.Contracting;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Payments;

/// <summary>
/// The what-if of price-setting: a draft rate card applied to the published results of every
/// provider in a program over past periods, by the same rules and evidence as a payment run — what
/// each would have been paid, the total against the budget, and the spread across providers — so
/// an agency chooses prices and caps before it signs.
/// </summary>
public static class PaymentSimulation
{
    /// <summary>Every provider of <paramref name="program"/>, every payment period of the card from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <exception cref="AccessDeniedException">The caller may not prepare payments.</exception>
    /// <exception cref="WorkspaceException">No such program, or the dates are reversed.</exception>
    public static IReadOnlyList<SimulatedPayment> Run(Caller caller, string program, RateCard card, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(card);
        caller.Permit(Capability.PreparePayments, AuditAction.Compute, $"what-if of a rate card on program {program} from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}");
        if (to < from)
        {
            throw new WorkspaceException($"--to {to:yyyy-MM-dd} is before --from {from:yyyy-MM-dd}.");
        }

        var workspace = caller.Workspace;
        if (ProviderRegistry.Programs(workspace).All(p => p.Id != program))
        {
            throw new WorkspaceException($"There is no program '{program}'; 'tessera providers list' shows the programs.");
        }

        var payments = new List<SimulatedPayment>();
        foreach (var provider in ProviderRegistry.All(workspace).Values.Select(p => p.Provider).Where(p => p.Program == program && p.Identifiers.Count > 0).OrderBy(p => p.Id.Value, StringComparer.Ordinal))
        {
            var contract = new Contract(ContractId.Parse(provider.Id.Value + "-what-if"), provider.Identifiers[0].Source, provider.Id, program, from, to, null, null, ContractStage.Plan, null, card.Metrics)
            { Payments = card.Payments };
            var paid = Money.Zero;
            foreach (var period in PaymentPeriod.Covering(card.Payments.Period, from, to))
            {
                var (evidence, _) = PaymentRuns.Evidence(workspace, contract, period);
                var lines = StatementRules.Lines(contract, period, evidence, paid);
                paid += StatementLine.Total(lines.Where(l => l.Kind is StatementLineKind.Outcome or StatementLineKind.Bonus or StatementLineKind.Cap or StatementLineKind.Floor));
                payments.Add(new SimulatedPayment(provider.Id.Value, period, lines));
            }
        }

        return payments;
    }
}
