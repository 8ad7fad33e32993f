using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Statistics;

namespace Tessera.Metrics.Evaluation;

/// <summary>
/// A sharp regression discontinuity at a score cut-off: persons at or above the cut-off get the
/// service, those below do not, and the jump in the outcome at the cut-off is the service's effect
/// for persons scoring near it. Estimated by local linear regression on each side with a
/// triangular kernel; the bandwidth, unless given, is Imbens and Kalyanaraman's (2012) MSE-optimal
/// choice (with their regularisation, and no floor under the third derivative, so that it does not
/// depend on the score's units); the standard error is heteroskedasticity-robust with the small-sample (HC3) correction, each side. The
/// manipulation check is a binomial test of the number of persons just below against just above
/// the cut-off (within half the bandwidth): if people could move their score across the cut-off,
/// one side would be crowded.
/// </summary>
public static class RegressionDiscontinuity
{
    /// <summary>Bins per side of the plot.</summary>
    public const int PlotBins = 20;

    /// <summary>The estimate at <paramref name="cutoff"/> from (score, outcome) pairs; <paramref name="bandwidth"/> when given, otherwise chosen from the data.</summary>
    /// <exception cref="ArgumentException">Too few persons on a side to fit a line.</exception>
    public static RddResult Estimate(IReadOnlyList<(double Score, double Outcome)> points, double cutoff, double? bandwidth = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count(p => p.Score < cutoff) < 10 || points.Count(p => p.Score >= cutoff) < 10)
        {
            throw new ArgumentException($"Fewer than 10 persons on one side of the cut-off {cutoff}: there is nothing to compare.", nameof(points));
        }

        var h = bandwidth ?? ImbensKalyanaraman(points, cutoff);
        var left = Side(points.Where(p => p.Score < cutoff), cutoff, h);
        var right = Side(points.Where(p => p.Score >= cutoff), cutoff, h);
        var estimate = right.Intercept - left.Intercept;
        var se = Math.Sqrt(left.Variance + right.Variance);
        var half = h / 2;
        var below = points.Count(p => p.Score >= cutoff - half && p.Score < cutoff);
        var above = points.Count(p => p.Score >= cutoff && p.Score < cutoff + half);
        return new RddResult(estimate, se, estimate - (Proportions.Z95 * se), estimate + (Proportions.Z95 * se), h, left.Count, right.Count,
            BinomialTwoSided(below, below + above), cutoff, Plot(points, cutoff), left.Intercept, left.Slope, right.Intercept, right.Slope);
    }

    /// <summary>Imbens and Kalyanaraman's (2012, section 4.2) bandwidth for the triangular kernel.</summary>
    public static double ImbensKalyanaraman(IReadOnlyList<(double Score, double Outcome)> points, double cutoff)
    {
        ArgumentNullException.ThrowIfNull(points);
        var n = points.Count;
        var x = points.Select(p => p.Score).ToArray();

        // Step 1: density and conditional variances at the cut-off, from a Silverman-rule window.
        var h1 = 1.84 * x.StandardDeviation() * Math.Pow(n, -0.2);
        var leftWindow = points.Where(p => p.Score >= cutoff - h1 && p.Score < cutoff).Select(p => p.Outcome).ToArray();
        var rightWindow = points.Where(p => p.Score >= cutoff && p.Score <= cutoff + h1).Select(p => p.Outcome).ToArray();
        var density = (leftWindow.Length + rightWindow.Length) / (2.0 * n * h1);
        var varianceLeft = leftWindow.Length > 1 ? leftWindow.Variance() : 0;
        var varianceRight = rightWindow.Length > 1 ? rightWindow.Variance() : 0;

        // Step 2: second derivatives either side, from local quadratics on pilot bandwidths set by a global cubic's third derivative.
        var cubic = Fit(points, p => [1, p.Score >= cutoff ? 1 : 0, p.Score - cutoff, Math.Pow(p.Score - cutoff, 2), Math.Pow(p.Score - cutoff, 3)], _ => 1);
        var third = 6 * cubic[4];
        var (nLeft, nRight) = (points.Count(p => p.Score < cutoff), points.Count(p => p.Score >= cutoff));
        // No floor under the third derivative (one would tie the bandwidth to the score's units); instead each pilot stays within the data on its side.
        var (rangeLeft, rangeRight) = (cutoff - x.Min(), x.Max() - cutoff);
        var h2Left = Pilot(3.56 * Math.Pow(varianceLeft / (density * third * third), 1 / 7.0) * Math.Pow(nLeft, -1 / 7.0), rangeLeft);
        var h2Right = Pilot(3.56 * Math.Pow(varianceRight / (density * third * third), 1 / 7.0) * Math.Pow(nRight, -1 / 7.0), rangeRight);
        var quadLeft = points.Where(p => p.Score < cutoff && p.Score >= cutoff - h2Left).ToList();
        var quadRight = points.Where(p => p.Score >= cutoff && p.Score <= cutoff + h2Right).ToList();
        double Curvature(List<(double Score, double Outcome)> side) =>
            side.Count < 4 ? 0 : 2 * Fit(side, p => [1, p.Score - cutoff, Math.Pow(p.Score - cutoff, 2)], _ => 1)[2];
        var (m2Left, m2Right) = (Curvature(quadLeft), Curvature(quadRight));

        // Step 3: regularised optimal bandwidth.
        var rLeft = quadLeft.Count == 0 ? 0 : 2160 * varianceLeft / (quadLeft.Count * Math.Pow(h2Left, 4));
        var rRight = quadRight.Count == 0 ? 0 : 2160 * varianceRight / (quadRight.Count * Math.Pow(h2Right, 4));
        const double ck = 3.4375;
        var h = ck * Math.Pow((varianceLeft + varianceRight) / (density * (Math.Pow(m2Right - m2Left, 2) + rLeft + rRight)), 0.2) * Math.Pow(n, -0.2);
        return Pilot(h, Math.Max(rangeLeft, rangeRight) * 1.0001);
    }

    // A bandwidth no wider than the data reach (an infinite or undefined one means: all of it).
    private static double Pilot(double h, double range) => double.IsFinite(h) && h > 0 ? Math.Min(h, range) : range;

    // A weighted local linear fit of one side: its value and slope at the cut-off and the value's robust variance.
    private static (double Intercept, double Slope, double Variance, int Count) Side(IEnumerable<(double Score, double Outcome)> side, double cutoff, double h)
    {
        var used = side.Where(p => Math.Abs(p.Score - cutoff) < h).ToList();
        if (used.Select(p => p.Score).Distinct().Count() < 2)
        {
            throw new ArgumentException($"The bandwidth {h:0.###} holds fewer than two distinct scores on one side of the cut-off; give a wider --bandwidth.");
        }

        var x = Matrix<double>.Build.Dense(used.Count, 2, (i, j) => j == 0 ? 1 : used[i].Score - cutoff);
        var w = Vector<double>.Build.Dense(used.Count, i => 1 - (Math.Abs(used[i].Score - cutoff) / h));
        var y = Vector<double>.Build.Dense(used.Count, i => used[i].Outcome);
        var xtw = x.TransposeThisAndMultiply(Matrix<double>.Build.DiagonalOfDiagonalVector(w));
        var bread = (xtw * x).Inverse();
        var beta = bread * (xtw * y);
        var residual = y - (x * beta);

        // HC3: each squared residual inflated by its leverage, which matters here — the few persons nearest the cut-off weigh most.
        var inflated = Vector<double>.Build.Dense(used.Count, i =>
        {
            var row = x.Row(i);
            var leverage = Math.Min(w[i] * row.DotProduct(bread * row), 0.99);
            return w[i] * w[i] * residual[i] * residual[i] / Math.Pow(1 - leverage, 2);
        });
        var meat = x.TransposeThisAndMultiply(Matrix<double>.Build.DiagonalOfDiagonalVector(inflated) * x);
        var covariance = bread * meat * bread;
        return (beta[0], beta[1], covariance[0, 0], used.Count);
    }

    private static Vector<double> Fit(IReadOnlyList<(double Score, double Outcome)> points, Func<(double Score, double Outcome), double[]> row, Func<(double Score, double Outcome), double> weight)
    {
        var x = Matrix<double>.Build.DenseOfRowArrays(points.Select(row));
        var w = Matrix<double>.Build.DiagonalOfDiagonalVector(Vector<double>.Build.Dense(points.Count, i => weight(points[i])));
        var y = Vector<double>.Build.Dense(points.Count, i => points[i].Outcome);
        var xtw = x.TransposeThisAndMultiply(w);
        return (xtw * x).Solve(xtw * y);
    }

    private static double BinomialTwoSided(int below, int total)
    {
        if (total == 0)
        {
            return 1;
        }

        var smaller = Math.Min(below, total - below);
        return Math.Min(1, 2 * Binomial.CDF(0.5, total, smaller));
    }

    // Evenly spaced bins on each side with their mean outcome: the usual picture.
    private static IReadOnlyList<RddBin> Plot(IReadOnlyList<(double Score, double Outcome)> points, double cutoff)
    {
        var bins = new List<RddBin>();
        foreach (var side in new[] { points.Where(p => p.Score < cutoff).ToList(), points.Where(p => p.Score >= cutoff).ToList() })
        {
            var (low, high) = (side.Min(p => p.Score), side.Max(p => p.Score));
            var width = Math.Max((high - low) / PlotBins, 1e-9);
            bins.AddRange(side.GroupBy(p => Math.Min(PlotBins - 1, (int)((p.Score - low) / width)))
                .OrderBy(g => g.Key)
                .Select(g => new RddBin(g.Average(p => p.Score), g.Average(p => p.Outcome), g.Count())));
        }

        return bins;
    }
}

/// <summary>A regression discontinuity estimate.</summary>
/// <param name="Estimate">The jump at the cut-off (right limit less left limit).</param>
/// <param name="Se">Its standard error.</param>
/// <param name="CiLow">95% interval, lower end.</param>
/// <param name="CiHigh">95% interval, upper end.</param>
/// <param name="Bandwidth">The bandwidth used.</param>
/// <param name="NLeft">Persons below the cut-off within the bandwidth.</param>
/// <param name="NRight">Persons at or above it within the bandwidth.</param>
/// <param name="DensityP">The manipulation check's p-value (small: one side is crowded).</param>
/// <param name="Cutoff">The cut-off.</param>
/// <param name="Bins">The plot's binned means.</param>
/// <param name="LeftIntercept">The left line's value at the cut-off.</param>
/// <param name="LeftSlope">The left line's slope.</param>
/// <param name="RightIntercept">The right line's value at the cut-off.</param>
/// <param name="RightSlope">The right line's slope.</param>
public sealed record RddResult(
    double Estimate, double Se, double CiLow, double CiHigh, double Bandwidth, int NLeft, int NRight, double DensityP, double Cutoff,
    IReadOnlyList<RddBin> Bins, double LeftIntercept, double LeftSlope, double RightIntercept, double RightSlope);

/// <summary>A bin of the plot: its mean score, mean outcome and size.</summary>
public sealed record RddBin(double Score, double Outcome, int Persons);
