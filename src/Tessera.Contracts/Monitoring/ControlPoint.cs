namespace Tessera.Contracts.Monitoring;

/// <summary>One period of a p-chart: the figure, the expected value and its limits for this period's denominator.</summary>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="PeriodEnd">Last day of the period.</param>
/// <param name="Value">The period's rate (numerator over denominator).</param>
/// <param name="Expected">The centre line: the baseline's pooled rate.</param>
/// <param name="Sigma">One standard deviation of a rate with this denominator.</param>
/// <param name="LowerLimit">Expected minus three sigma, at least 0.</param>
/// <param name="UpperLimit">Expected plus three sigma, at most 1.</param>
public sealed record ControlPoint(DateOnly PeriodStart, DateOnly PeriodEnd, double Value, double Expected, double Sigma, double LowerLimit, double UpperLimit)
{
    /// <summary>How many sigmas the figure lies from the centre line (0 when sigma is 0).</summary>
    public double Z => Sigma > 0 ? (Value - Expected) / Sigma : 0;
}
