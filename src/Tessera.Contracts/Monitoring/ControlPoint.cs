using MathNet.Numerics.Distributions;

namespace Tessera.Contracts.Monitoring;

/// <summary>One period of a p-chart: the figure, the expected value and its limits for this period's denominator.</summary>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="PeriodEnd">Last day of the period.</param>
/// <param name="Value">The period's rate (numerator over denominator).</param>
/// <param name="Expected">The centre line: the baseline's pooled rate.</param>
/// <param name="Sigma">One standard deviation of a rate with this denominator.</param>
/// <param name="LowerLimit">Expected minus three sigma, at least 0.</param>
/// <param name="UpperLimit">Expected plus three sigma, at most 1.</param>
/// <param name="Numerator">The period's numerator.</param>
/// <param name="Denominator">The period's denominator.</param>
/// <param name="BaselineNumerator">The baseline's numerator, summed.</param>
/// <param name="BaselineDenominator">The baseline's denominator, summed.</param>
public sealed record ControlPoint(
    DateOnly PeriodStart, DateOnly PeriodEnd, double Value, double Expected, double Sigma, double LowerLimit, double UpperLimit,
    long Numerator, long Denominator, long BaselineNumerator, long BaselineDenominator)
{
    /// <summary>How many sigmas the figure lies from the centre line (0 when sigma is 0).</summary>
    public double Z => Sigma > 0 ? (Value - Expected) / Sigma : 0;

    /// <summary>
    /// The chance, if nothing changed, of a figure at least this bad: P(X ≤ x) when higher is
    /// better, P(X ≥ x) otherwise. X is this period's count predicted from the baseline — binomial
    /// with this denominator and a rate known only as well as the baseline tells it (a uniform
    /// prior updated by the baseline, i.e. beta-binomial with a = x₀ + 1, b = n₀ − x₀ + 1). So a
    /// small period's 0 of 2 does not count as "beyond one sigma" when it happens a third of the
    /// time, and a baseline of 30 of 30 does not make every miss an alarm.
    /// </summary>
    public double WorseTail(bool higherIsBetter)
    {
        var (n, a, b) = ((int)Denominator, BaselineNumerator + 1.0, BaselineDenominator - BaselineNumerator + 1.0);
        return higherIsBetter
            ? BetaBinomial.CDF(n, a, b, (int)Numerator)
            : Numerator == 0 ? 1 : 1 - BetaBinomial.CDF(n, a, b, (int)Numerator - 1);
    }
}
