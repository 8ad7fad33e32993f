using MathNet.Numerics.Distributions;

namespace Tessera.Metrics.Evaluation;

/// <summary>
/// Confidence intervals for rates and their comparisons, as Newcombe (1998) recommends: the Wilson
/// score interval for one rate (good coverage even for small counts and rates near 0 or 1), the
/// hybrid score interval (Newcombe's method 10) for a difference of two independent rates, and the
/// log (Katz) interval for a ratio.
/// </summary>
public static class Proportions
{
    /// <summary>The normal quantile of a two-sided 95% interval (1.959964…).</summary>
    public static double Z95 { get; } = Normal.InvCDF(0, 1, 0.975);

    /// <summary>The Wilson score interval of <paramref name="successes"/> out of <paramref name="n"/>.</summary>
    public static Interval Wilson(long successes, long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, successes);
        if (n == 0)
        {
            return new Interval(double.NaN, double.NaN, double.NaN);
        }

        return Wilson((double)successes / n, n);
    }

    /// <summary>The Wilson score interval of a rate <paramref name="p"/> from <paramref name="n"/> independent observations (an effective number, for clustered data).</summary>
    public static Interval Wilson(double p, double n)
    {
        var z = Z95;
        var centre = (p + (z * z / (2.0 * n))) / (1 + (z * z / n));
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z * z / (4.0 * n * n))) / (1 + (z * z / n));
        return new Interval(p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>The difference of rates a/n − b/m with Newcombe's hybrid score interval.</summary>
    public static Interval Difference(long a, long n, long b, long m)
    {
        var (p1, p2) = ((double)a / n, (double)b / m);
        var (w1, w2) = (Wilson(a, n), Wilson(b, m));
        var d = p1 - p2;
        var low = d - Math.Sqrt(Math.Pow(p1 - w1.Low, 2) + Math.Pow(w2.High - p2, 2));
        var high = d + Math.Sqrt(Math.Pow(w1.High - p1, 2) + Math.Pow(p2 - w2.Low, 2));
        return new Interval(d, low, high);
    }

    /// <summary>The ratio of rates (a/n) / (b/m) with the log (Katz) interval; NaN when either count of outcomes is 0.</summary>
    public static Interval Ratio(long a, long n, long b, long m)
    {
        if (a == 0 || b == 0 || n == 0 || m == 0)
        {
            return new Interval(double.NaN, double.NaN, double.NaN);
        }

        var ratio = ((double)a / n) / ((double)b / m);
        var se = Math.Sqrt((1.0 / a) - (1.0 / n) + (1.0 / b) - (1.0 / m));
        return new Interval(ratio, ratio * Math.Exp(-Z95 * se), ratio * Math.Exp(Z95 * se));
    }
}
