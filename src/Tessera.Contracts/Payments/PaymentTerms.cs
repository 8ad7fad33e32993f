using Tessera.Core.Contracting;

namespace Tessera.Contracts.Payments;

/// <summary>
/// How a contract pays: a base in equal parts per payment period, a share of it withheld and
/// earned back on a metric, an outcome rate card, bonus tiers, and a cap and floor on the
/// incentive (outcome payments plus bonus) per period and a cap over the whole contract.
/// </summary>
/// <param name="Period">How often it pays.</param>
/// <param name="Base">The base for the whole contract period, if any.</param>
/// <param name="Withhold">The withhold and its earn-back metric, if any.</param>
/// <param name="Outcomes">The outcome rate card.</param>
/// <param name="Bonuses">Bonus tiers.</param>
/// <param name="Cap">The most the incentive pays per payment period, if capped.</param>
/// <param name="Floor">The least the incentive pays per payment period, if floored.</param>
/// <param name="ContractCap">The most the incentive pays over the whole contract, if capped.</param>
public sealed record PaymentTerms(
    PaymentPeriodKind Period, Money? Base, Withhold? Withhold, IReadOnlyList<OutcomeRate> Outcomes, IReadOnlyList<BonusTier> Bonuses, Money? Cap, Money? Floor, Money? ContractCap);
