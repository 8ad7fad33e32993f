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
    PaymentPeriodKind Period, Money? Base, Withhold? Withhold, IReadOnlyList<OutcomeRate> Outcomes, IReadOnlyList<BonusTier> Bonuses, Money? Cap, Money? Floor, Money? ContractCap)
{
    /// <summary>
    /// What is wrong with the terms for a contract measuring <paramref name="measured"/>, by field:
    /// a metric it does not measure, a negative amount, a share outside 0–1, a withhold without a
    /// base, a cap below the floor, nothing to pay. Empty when they can be signed.
    /// </summary>
    public IReadOnlyList<(string Field, string Message)> Problems(IEnumerable<string> measured)
    {
        var metrics = measured.ToHashSet(StringComparer.Ordinal);
        var problems = new List<(string, string)>();
        void Metric(string field, string metric)
        {
            if (!metrics.Contains(metric))
            {
                problems.Add((field, $"the contract does not measure {metric}; pay only on its metrics ({string.Join(", ", metrics.Order(StringComparer.Ordinal))})."));
            }
        }

        void Amount(string field, Money? amount)
        {
            if (amount is { } a && a < Money.Zero)
            {
                problems.Add((field, $"expected an amount of 0 or more, found {a}."));
            }
        }

        Amount("base", Base);
        Amount("cap", Cap);
        Amount("floor", Floor);
        Amount("contract_cap", ContractCap);
        if (Withhold is { } withhold)
        {
            Metric("withhold.earn_back_metric", withhold.EarnBackMetric);
            if (withhold.Share is <= 0 or > 1)
            {
                problems.Add(("withhold.share", $"expected a share above 0 and at most 1, e.g. 0.10 for 10%, found {withhold.Share}."));
            }

            if (Base is null)
            {
                problems.Add(("withhold", "a withhold is a share of the base; give the base too."));
            }
        }

        foreach (var (rate, i) in Outcomes.Select((r, i) => (r, i)))
        {
            Metric($"outcomes[{i}].metric", rate.Metric);
            Amount($"outcomes[{i}].rate", rate.Rate);
        }

        foreach (var (tier, i) in Bonuses.Select((t, i) => (t, i)))
        {
            Metric($"bonus[{i}].metric", tier.Metric);
            Amount($"bonus[{i}].amount", tier.Amount);
        }

        if (Cap is { } cap && Floor is { } floor && cap < floor)
        {
            problems.Add(("cap", $"the cap ({cap}) is below the floor ({floor}); a period could not pay both."));
        }

        if (Base is null && Outcomes.Count == 0 && Bonuses.Count == 0)
        {
            problems.Add(("payments", "nothing to pay: give a base, outcome rates or a bonus."));
        }

        return problems;
    }
}
