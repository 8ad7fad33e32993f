using System.Globalization;
using Tessera.Contracts.Agreements;
using Tessera.Core.Contracting;

namespace Tessera.Contracts.Payments;

/// <summary>
/// The payment rules, applied to one payment period of a contract — the part a finance office and
/// an auditor read, so each rule is one step:
/// <list type="number">
/// <item><b>Base</b>: the contract's base in equal parts per payment period the contract touches,
/// each part rounded to cents and the last part taking the remainder, so the parts add up to the base.</item>
/// <item><b>Withhold</b>: the share of the period's base part held back.</item>
/// <item><b>Earn-back</b>: the withheld amount times the attainment on the earn-back metric — its
/// figure over the target in force at the period's start, at most 1 (for a metric where lower is
/// better, the target over the figure); no figure, nothing earned back.</item>
/// <item><b>Outcomes</b>: per person, the persons who achieved the outcome times the rate; per
/// cohort, the rate once when the period's figure meets the target in force.</item>
/// <item><b>Bonus</b>: of each metric's tiers, the highest reached.</item>
/// <item><b>Cap and floor</b> on the incentive (outcomes plus bonus) of the period, then the
/// contract's cap on all incentive paid so far.</item>
/// </list>
/// Every amount is rounded to cents, half away from zero, when its line is made.
/// </summary>
public static class StatementRules
{
    /// <summary>The lines of <paramref name="contract"/>'s statement for <paramref name="period"/>.</summary>
    /// <param name="contract">The contract, with its payment terms.</param>
    /// <param name="period">A period of the terms' length that shares a day with the contract.</param>
    /// <param name="evidence">The figures of the contract's metrics over the period, by metric; a metric missing has no data.</param>
    /// <param name="incentivePaidBefore">Outcome payments and bonuses (after caps and floors) of the contract's earlier statements, for the contract cap.</param>
    /// <exception cref="ArgumentException">The contract has no payment terms, or the period is not one of its payment periods.</exception>
    public static IReadOnlyList<StatementLine> Lines(Contract contract, PaymentPeriod period, IReadOnlyDictionary<string, MetricEvidence> evidence, Money incentivePaidBefore)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(evidence);
        var terms = contract.Payments ?? throw new ArgumentException($"Contract {contract.Id} has no payment terms.", nameof(contract));
        var periods = PaymentPeriod.Covering(terms.Period, contract.Start, contract.End);
        var index = periods.ToList().FindIndex(p => p.Start == period.Start && p.End == period.End);
        if (index < 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{period.Label} is not a payment period of contract {contract.Id}: it pays by {terms.Period.ToString().ToLowerInvariant()} from {periods[0].Label} to {periods[^1].Label}."), nameof(period));
        }

        var lines = new List<StatementLine>();
        StatementLine Line(StatementLineKind kind, string? metric, long? count, decimal? rate, Money amount, string note) =>
            new(kind, metric, period.Start, period.End, count, rate, amount.RoundToCents(), metric is not null ? evidence.GetValueOrDefault(metric)?.Run : null, note);

        if (terms.Base is { } whole)
        {
            var part = new Money(whole.Amount / periods.Count).RoundToCents();
            var share = index == periods.Count - 1 ? whole - (part * (periods.Count - 1)) : part;
            lines.Add(Line(StatementLineKind.Base, null, null, null, share, string.Create(CultureInfo.InvariantCulture, $"part {index + 1} of {periods.Count} of the base {whole}")));
            if (terms.Withhold is { } withhold)
            {
                var held = (share * withhold.Share).RoundToCents();
                lines.Add(Line(StatementLineKind.Withhold, withhold.EarnBackMetric, null, withhold.Share, -held, string.Create(CultureInfo.InvariantCulture, $"{withhold.Share:0.####} of the base part held back")));
                var attainment = Attainment(contract, withhold.EarnBackMetric, period, evidence);
                lines.Add(Line(StatementLineKind.EarnBack, withhold.EarnBackMetric, null, attainment, held * attainment,
                    attainment == 0 && evidence.GetValueOrDefault(withhold.EarnBackMetric)?.Value is null ? "no figure this period: nothing earned back" : string.Create(CultureInfo.InvariantCulture, $"attainment {attainment:0.####} of the target")));
            }
        }

        var incentive = new List<StatementLine>();
        foreach (var rate in terms.Outcomes)
        {
            var figure = evidence.GetValueOrDefault(rate.Metric);
            if (rate.Per == OutcomeUnit.Person)
            {
                var count = figure?.Outcomes ?? 0;
                incentive.Add(Line(StatementLineKind.Outcome, rate.Metric, count, rate.Rate.Amount, rate.Rate * count, string.Create(CultureInfo.InvariantCulture, $"{count} persons at {rate.Rate}")));
            }
            else
            {
                var met = figure?.Value is { } value && Meets(value, Target(contract, rate.Metric, period), figure.HigherIsBetter);
                incentive.Add(Line(StatementLineKind.Outcome, rate.Metric, met ? 1 : 0, rate.Rate.Amount, met ? rate.Rate : Money.Zero, met ? "the cohort met its target" : "the cohort did not meet its target"));
            }
        }

        foreach (var tiers in terms.Bonuses.GroupBy(b => b.Metric, StringComparer.Ordinal))
        {
            var figure = evidence.GetValueOrDefault(tiers.Key);
            var reached = figure?.Value is { } value
                ? tiers.Where(t => Meets(value, t.Threshold, figure.HigherIsBetter)).OrderBy(t => figure.HigherIsBetter ? t.Threshold : -t.Threshold).LastOrDefault()
                : null;
            if (reached is not null)
            {
                incentive.Add(Line(StatementLineKind.Bonus, tiers.Key, null, reached.Threshold, reached.Amount,
                    string.Create(CultureInfo.InvariantCulture, $"figure {figure!.Value:0.####} {(figure.HigherIsBetter ? "reached" : "kept within")} {reached.Threshold:0.####}")));
            }
        }

        lines.AddRange(incentive);
        var earned = StatementLine.Total(incentive);
        if (terms.Cap is { } cap && earned > cap)
        {
            lines.Add(Line(StatementLineKind.Cap, null, null, null, cap - earned, string.Create(CultureInfo.InvariantCulture, $"incentive {earned} cut to the period's cap {cap}")));
            earned = cap;
        }
        else if (terms.Floor is { } floor && earned < floor)
        {
            lines.Add(Line(StatementLineKind.Floor, null, null, null, floor - earned, string.Create(CultureInfo.InvariantCulture, $"incentive {earned} raised to the period's floor {floor}")));
            earned = floor;
        }

        if (terms.ContractCap is { } contractCap && incentivePaidBefore + earned > contractCap)
        {
            var allowed = contractCap > incentivePaidBefore ? contractCap - incentivePaidBefore : Money.Zero;
            lines.Add(Line(StatementLineKind.Cap, null, null, null, allowed - earned, string.Create(CultureInfo.InvariantCulture, $"the contract's cap {contractCap}: {incentivePaidBefore} paid before")));
        }

        return lines;
    }

    /// <summary>
    /// The adjustment lines for an earlier period whose statement was paid with <paramref name="paid"/>
    /// and now comes to <paramref name="now"/> (later deliveries changed its figures): one line per
    /// metric whose lines changed, with the change in outcomes and amount, and one for caps and
    /// floors that apply differently; together they add up to the difference of the totals.
    /// </summary>
    /// <param name="paid">The lines paid for the period.</param>
    /// <param name="now">The lines the period comes to now.</param>
    /// <param name="why">What changed, e.g. "deliveries 55, 56 of workforce".</param>
    public static IReadOnlyList<StatementLine> Adjustments(IReadOnlyList<StatementLine> paid, IReadOnlyList<StatementLine> now, string why)
    {
        ArgumentNullException.ThrowIfNull(paid);
        ArgumentNullException.ThrowIfNull(now);
        if (paid.Count == 0 && now.Count == 0)
        {
            return [];
        }

        var (start, end) = paid.Count > 0 ? (paid[0].PeriodStart, paid[0].PeriodEnd) : (now[0].PeriodStart, now[0].PeriodEnd);
        var adjustments = new List<StatementLine>();
        foreach (var metric in paid.Concat(now).Select(l => l.Metric).Distinct().OrderBy(m => m is null ? 1 : 0).ThenBy(m => m, StringComparer.Ordinal))
        {
            var before = paid.Where(l => l.Metric == metric).ToList();
            var after = now.Where(l => l.Metric == metric).ToList();
            var amount = StatementLine.Total(after) - StatementLine.Total(before);
            long Outcomes(List<StatementLine> lines) => lines.Where(l => l.Kind is StatementLineKind.Outcome or StatementLineKind.Adjustment).Sum(l => l.Count ?? 0);
            var (oldCount, newCount) = (Outcomes(before), Outcomes(after));
            if (amount == Money.Zero && oldCount == newCount)
            {
                continue;
            }

            var label = string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd} to {end:yyyy-MM-dd}");
            var note = metric is null
                ? $"{label}: caps and floors applied to the changed figures; {why}"
                : string.Create(CultureInfo.InvariantCulture, $"{label}: {oldCount} outcomes paid, {newCount} now; {why}");
            adjustments.Add(new StatementLine(StatementLineKind.Adjustment, metric, start, end, metric is null ? null : newCount - oldCount,
                after.FirstOrDefault(l => l.Kind == StatementLineKind.Outcome)?.Rate, amount, after.Concat(before).Select(l => l.MetricRun).FirstOrDefault(r => r is not null), note));
        }

        return adjustments;
    }

    private static decimal Attainment(Contract contract, string metric, PaymentPeriod period, IReadOnlyDictionary<string, MetricEvidence> evidence)
    {
        if (evidence.GetValueOrDefault(metric) is not { Value: { } figure } found)
        {
            return 0m;
        }

        var value = (decimal)figure;
        var target = Target(contract, metric, period);
        var attainment = found.HigherIsBetter
            ? target <= 0 ? 1m : value / target
            : value <= target ? 1m : target / value;
        return decimal.Round(Math.Clamp(attainment, 0m, 1m), 4, MidpointRounding.AwayFromZero);
    }

    private static decimal Target(Contract contract, string metric, PaymentPeriod period) =>
        contract.Metrics.First(m => m.Metric == metric).TargetOn(period.Start).Value;

    private static bool Meets(double value, decimal threshold, bool higherIsBetter) =>
        higherIsBetter ? (decimal)value >= threshold : (decimal)value <= threshold;
}
