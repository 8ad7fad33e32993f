using MathNet.Numerics.Statistics;

namespace Tessera.Metrics.Evaluation;

/// <summary>An estimate with its 95% confidence interval.</summary>
/// <param name="Estimate">The point estimate.</param>
/// <param name="Low">The interval's lower end.</param>
/// <param name="High">The interval's upper end.</param>
public sealed record Interval(double Estimate, double Low, double High)
{
    /// <summary>The percentile bootstrap interval of <paramref name="estimate"/>: the 2.5th and 97.5th percentiles of the finite <paramref name="draws"/>.</summary>
    public static Interval Percentile(double estimate, IEnumerable<double> draws)
    {
        var finite = draws.Where(double.IsFinite).ToArray();
        return finite.Length == 0 ? new Interval(estimate, double.NaN, double.NaN)
            : new Interval(estimate, finite.Quantile(0.025), finite.Quantile(0.975));
    }

    /// <summary>True when <paramref name="value"/> lies within the interval.</summary>
    public bool Contains(double value) => value >= Low && value <= High;
}
