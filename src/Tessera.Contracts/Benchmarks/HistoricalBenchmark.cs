namespace Tessera.Contracts.Benchmarks;

/// <summary>
/// A provider's own record: its figures over the year before a period, <see cref="Pooled"/> — so
/// one odd month does not set the bar. Null without a period in that year.
/// </summary>
public static class HistoricalBenchmark
{
    /// <summary>The benchmark for the period starting <paramref name="periodStart"/> from the provider's <paramref name="prior"/> periods (those ending before it and starting within the year before it).</summary>
    public static double? Of(IEnumerable<(DateOnly Start, DateOnly End, long? Denominator, double? Value)> prior, DateOnly periodStart)
    {
        ArgumentNullException.ThrowIfNull(prior);
        return Pooled.Of(prior.Where(p => p.End < periodStart && p.Start >= periodStart.AddYears(-1)).Select(p => (p.Denominator, p.Value)));
    }
}
