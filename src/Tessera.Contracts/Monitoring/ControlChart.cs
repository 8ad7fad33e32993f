using MathNet.Numerics.Distributions;

namespace Tessera.Contracts.Monitoring;

/// <summary>
/// A p-chart for a rate measured period by period (numerator over denominator), and the run rules
/// read on it — so an alert fires when a change is real, not on every dip. The centre line is the
/// pooled rate of the baseline periods; each period's limits are three standard deviations of a
/// rate with that period's denominator, √(p̄(1−p̄)/n), so a small period gets wide limits. When the
/// baseline rate is 0 or 1 (no spread to estimate), the spread uses the Laplace estimate
/// (x+1)/(n+2) instead. Rules (Western Electric; Nelson 1, 5, 6, 2) are read on each period's
/// predicted tail — the chance of a figure at least as bad with its denominator, the baseline's
/// own uncertainty included (<see cref="ControlPoint.WorseTail"/>) — against the normal tail of
/// each zone, so periods of different sizes, small ones and small baselines included, compare.
/// </summary>
public static class ControlChart
{
    /// <summary>The chart of <paramref name="periods"/> in date order, its centre from the first <paramref name="baseline"/> periods (all, when 0 or more than there are).</summary>
    /// <param name="periods">Each period's dates, numerator and denominator; periods without a denominator are left out.</param>
    /// <param name="baseline">How many of the first periods set the centre line.</param>
    public static IReadOnlyList<ControlPoint> Of(IEnumerable<(DateOnly Start, DateOnly End, long Numerator, long Denominator)> periods, int baseline = 0)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var counted = periods.Where(p => p.Denominator > 0).OrderBy(p => p.Start).ToList();
        if (counted.Count == 0)
        {
            return [];
        }

        var reference = baseline > 0 && baseline < counted.Count ? counted.Take(baseline).ToList() : counted;
        var (x, n) = (reference.Sum(p => (double)p.Numerator), reference.Sum(p => (double)p.Denominator));
        var centre = x / n;
        var spread = centre is > 0 and < 1 ? centre : (x + 1) / (n + 2);
        return [.. counted.Select(p =>
        {
            var sigma = Math.Sqrt(spread * (1 - spread) / p.Denominator);
            return new ControlPoint(p.Start, p.End, (double)p.Numerator / p.Denominator, centre, sigma, Math.Max(0, centre - (3 * sigma)), Math.Min(1, centre + (3 * sigma)), p.Numerator, p.Denominator, (long)x, (long)n);
        })];
    }

    /// <summary>
    /// The rules the points complete on the side where the metric gets worse (below the centre when
    /// higher is better), each at the point that completes it; a point completing several rules
    /// gives the strongest only (in <see cref="RunRule"/>'s order). A point is "beyond k sigma"
    /// when a figure at least as bad is less likely than beyond k sigma under the normal
    /// (probability limits): the zones keep their meaning for small denominators.
    /// </summary>
    public static IReadOnlyList<ControlSignal> Signals(IReadOnlyList<ControlPoint> points, bool higherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(points);
        var tails = points.Select(p => p.WorseTail(higherIsBetter)).ToList();
        bool Beyond(int i, int sigmas) => tails[i] < ZoneTail[sigmas];
        bool Run(int end, int length, int needed, int sigmas) =>
            end + 1 >= length && Enumerable.Range(end + 1 - length, length).Count(i => Beyond(i, sigmas)) >= needed && Beyond(end, sigmas);

        var signals = new List<ControlSignal>();
        for (var i = 0; i < points.Count; i++)
        {
            RunRule? rule = Beyond(i, 3) ? RunRule.Beyond3Sigma
                : Run(i, 3, 2, 2) ? RunRule.TwoOfThreeBeyond2Sigma
                : Run(i, 5, 4, 1) ? RunRule.FourOfFiveBeyond1Sigma
                : Run(i, 8, 8, 0) ? RunRule.EightOnOneSide
                : null;
            if (rule is { } found)
            {
                signals.Add(new ControlSignal(points[i], found));
            }
        }

        return signals;
    }

    /// <summary>The normal distribution's tail beyond 0, 1, 2 and 3 sigma: Φ(−k).</summary>
    private static readonly double[] ZoneTail = [.. Enumerable.Range(0, 4).Select(k => Normal.CDF(0, 1, -k))];
}
