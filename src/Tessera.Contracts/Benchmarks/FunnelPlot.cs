namespace Tessera.Contracts.Benchmarks;

/// <summary>
/// A funnel plot of providers' rates against their number of cases (Spiegelhalter, "Funnel plots
/// for comparing institutional performance", Statistics in Medicine 2005): the centre is the
/// program's pooled rate, and the limits a provider of n cases would fall within by chance alone
/// narrow as n grows — p̄ ± z·√(p̄(1 − p̄)/n), at 95% (z = 1.960) and 99.8% (z = 3.090). A small
/// provider far from the centre may be noise; one outside the 99.8% limits is unlikely to be.
/// </summary>
public static class FunnelPlot
{
    /// <summary>z for the 95% limits (two-sided).</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>z for the 99.8% limits (two-sided).</summary>
    public const double Z998 = 3.090232306167813;

    /// <summary>The plot of <paramref name="providers"/>; those without cases are left out.</summary>
    public static FunnelChart Of(IEnumerable<(string Provider, long Numerator, long Denominator)> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        var counted = providers.Where(p => p.Denominator > 0).ToList();
        var n = counted.Sum(p => (double)p.Denominator);
        var centre = n > 0 ? counted.Sum(p => (double)p.Numerator) / n : 0;
        return new FunnelChart(centre, [.. counted.Select(p => FunnelPoint.Of(p.Provider, p.Numerator, p.Denominator, centre))]);
    }

    /// <summary>The limits for a provider of <paramref name="cases"/> around <paramref name="centre"/>, each cut to 0–1.</summary>
    public static (double Lower95, double Upper95, double Lower998, double Upper998) Limits(double centre, long cases)
    {
        var sigma = cases > 0 ? Math.Sqrt(centre * (1 - centre) / cases) : double.PositiveInfinity;
        static double Cut(double x) => Math.Clamp(x, 0, 1);
        return (Cut(centre - (Z95 * sigma)), Cut(centre + (Z95 * sigma)), Cut(centre - (Z998 * sigma)), Cut(centre + (Z998 * sigma)));
    }
}

/// <summary>A funnel plot: its centre and each provider's point.</summary>
/// <param name="Centre">The pooled rate.</param>
/// <param name="Points">Each provider's point.</param>
public sealed record FunnelChart(double Centre, IReadOnlyList<FunnelPoint> Points)
{
    /// <summary>The limit curves from 1 case to <paramref name="most"/>, at <paramref name="steps"/> case counts spaced evenly on a square-root scale, for drawing.</summary>
    public IReadOnlyList<(long Cases, double Lower95, double Upper95, double Lower998, double Upper998)> Curve(long most, int steps = 40)
    {
        var root = Math.Sqrt(Math.Max(most, 1));
        return [.. Enumerable.Range(0, steps + 1).Select(i => (long)Math.Max(1, Math.Round(Math.Pow(1 + ((root - 1) * i / steps), 2)))).Distinct()
            .Select(n => { var (l95, u95, l998, u998) = FunnelPlot.Limits(Centre, n); return (n, l95, u95, l998, u998); })];
    }
}

/// <summary>A provider's point on a funnel plot.</summary>
/// <param name="Provider">The provider's id.</param>
/// <param name="Numerator">Its numerator.</param>
/// <param name="Denominator">Its cases.</param>
/// <param name="Rate">Numerator over cases.</param>
/// <param name="Lower95">The 95% lower limit for its number of cases.</param>
/// <param name="Upper95">The 95% upper limit.</param>
/// <param name="Lower998">The 99.8% lower limit.</param>
/// <param name="Upper998">The 99.8% upper limit.</param>
public sealed record FunnelPoint(string Provider, long Numerator, long Denominator, double Rate, double Lower95, double Upper95, double Lower998, double Upper998)
{
    /// <summary>The point of a provider with <paramref name="numerator"/> of <paramref name="denominator"/> around <paramref name="centre"/>.</summary>
    public static FunnelPoint Of(string provider, long numerator, long denominator, double centre)
    {
        var (l95, u95, l998, u998) = FunnelPlot.Limits(centre, denominator);
        return new FunnelPoint(provider, numerator, denominator, (double)numerator / denominator, l95, u95, l998, u998);
    }

    /// <summary>Where the point lies: above_99.8, above_95, within, below_95 or below_99.8.</summary>
    public string Position => Rate > Upper998 ? "above_99.8" : Rate > Upper95 ? "above_95" : Rate < Lower998 ? "below_99.8" : Rate < Lower95 ? "below_95" : "within";

    /// <summary>The position in words, for a metric of the given polarity.</summary>
    public string PositionWords(bool higherIsBetter) => Position switch
    {
        "above_99.8" => higherIsBetter ? "better than chance explains (beyond 99.8% limits)" : "worse than chance explains (beyond 99.8% limits)",
        "above_95" => higherIsBetter ? "better than the program, probably (beyond 95% limits)" : "worse than the program, probably (beyond 95% limits)",
        "below_99.8" => higherIsBetter ? "worse than chance explains (beyond 99.8% limits)" : "better than chance explains (beyond 99.8% limits)",
        "below_95" => higherIsBetter ? "worse than the program, probably (beyond 95% limits)" : "better than the program, probably (beyond 95% limits)",
        _ => "within what chance explains",
    };
}
