using Tessera.Core.Contracting;

namespace Tessera.Contracts.Payments;

/// <summary>
/// One line of a payment statement. Its <see cref="Amount"/> is rounded to cents (half away from
/// zero) when the line is made, and a statement's total is the sum of its rounded lines — the one
/// rounding rule, so a finance office adding up the lines gets the total.
/// </summary>
/// <param name="Kind">What it pays or takes.</param>
/// <param name="Metric">The metric it is traced to, if any.</param>
/// <param name="PeriodStart">First day of the period it pays (an adjustment: the earlier period's).</param>
/// <param name="PeriodEnd">Last day of that period.</param>
/// <param name="Count">Outcomes paid, or the change in them for an adjustment.</param>
/// <param name="Rate">The rate per outcome, the withhold share, the attainment earned back on.</param>
/// <param name="Amount">The amount, in cents.</param>
/// <param name="MetricRun">The metric run behind it.</param>
/// <param name="Note">Why, in words.</param>
public sealed record StatementLine(
    StatementLineKind Kind, string? Metric, DateOnly PeriodStart, DateOnly PeriodEnd, long? Count, decimal? Rate, Money Amount, long? MetricRun, string Note)
{
    /// <summary>The kind as statements write it: base, withhold, earn_back, outcome, bonus, cap, floor, adjustment.</summary>
    public string KindCode => Kind == StatementLineKind.EarnBack ? "earn_back" : Kind.ToString().ToLowerInvariant();

    /// <summary>The total of <paramref name="lines"/>.</summary>
    public static Money Total(IEnumerable<StatementLine> lines) => lines.Aggregate(Money.Zero, (sum, line) => sum + line.Amount);
}
