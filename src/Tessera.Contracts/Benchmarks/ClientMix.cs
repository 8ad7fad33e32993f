namespace Tessera.Contracts.Benchmarks;

/// <summary>
/// Client-mix adjustment by indirect standardisation: each provider's expected count is what its
/// own cases would have achieved at the program's rate for cases like them (Σ over strata of the
/// provider's cases × the program's rate in that stratum); its adjusted rate is its observed
/// count over that expectation, times the program's rate. A provider serving harder cases is then
/// compared with what the program achieves with such cases, not with an easier average. Works
/// from counts per provider and stratum, so it merges across partitions by adding them up.
/// </summary>
public static class ClientMix
{
    /// <summary>Each provider's adjusted figures from its cases and hits per stratum.</summary>
    public static IReadOnlyList<AdjustedRate> Standardise(IEnumerable<(string Provider, string Stratum, long Cases, long Hits)> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var all = counts.Where(c => c.Cases > 0).ToList();
        var stratumRate = all.GroupBy(c => c.Stratum, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (double)g.Sum(c => c.Hits) / g.Sum(c => c.Cases), StringComparer.Ordinal);
        var cases = all.Sum(c => (double)c.Cases);
        var overall = cases > 0 ? all.Sum(c => (double)c.Hits) / cases : 0;
        return [.. all.GroupBy(c => c.Provider, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var (n, observed) = (g.Sum(c => c.Cases), g.Sum(c => c.Hits));
            var expected = g.Sum(c => c.Cases * stratumRate[c.Stratum]);
            return new AdjustedRate(g.Key, n, observed, expected, (double)observed / n, expected > 0 ? observed / expected * overall : 0);
        })];
    }
}

/// <summary>A provider's raw and client-mix-adjusted rate.</summary>
/// <param name="Provider">The provider.</param>
/// <param name="Cases">Its cases.</param>
/// <param name="Observed">Its hits (the numerator).</param>
/// <param name="Expected">The hits expected at the program's rates for its mix of cases.</param>
/// <param name="Raw">Observed over cases.</param>
/// <param name="Adjusted">Observed over expected, times the program's rate.</param>
public sealed record AdjustedRate(string Provider, long Cases, long Observed, double Expected, double Raw, double Adjusted);
