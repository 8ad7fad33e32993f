namespace Tessera.Metrics.Evaluation;

/// <summary>An estimate with its 95% confidence interval.</summary>
/// <param name="Estimate">The point estimate.</param>
/// <param name="Low">The interval's lower end.</param>
/// <param name="High">The interval's upper end.</param>
public sealed record Interval(double Estimate, double Low, double High)
{
    /// <summary>True when <paramref name="value"/> lies within the interval.</summary>
    public bool Contains(double value) => value >= Low && value <= High;
}
