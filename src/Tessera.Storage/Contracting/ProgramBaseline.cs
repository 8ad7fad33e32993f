using System.Globalization;
using Tessera.Contracts.Benchmarks;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Access;
using Tessera.Storage.Metrics;

namespace Tessera.Storage.Contracting;

/// <summary>
/// What a program's providers achieved on a metric over a stretch of time — each provider's
/// figure pooled over the periods starting in it (weighted by denominators, as the historical
/// benchmark is), and their median: the natural first target for a program's contracts.
/// </summary>
public static class ProgramBaseline
{
    /// <summary>Each provider of <paramref name="program"/> with its pooled figure on <paramref name="metricId"/> over periods starting <paramref name="from"/>–<paramref name="to"/>, and the median of them (null when none has one).</summary>
    /// <exception cref="AccessDeniedException">The caller may not see contracts and their benchmarks.</exception>
    public static (IReadOnlyDictionary<string, double> Providers, double? Median) Of(Caller caller, string metricId, string program, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Permit(Capability.ViewContracts, AuditAction.Read, string.Create(CultureInfo.InvariantCulture, $"baseline of {metricId} in {program}, {from:yyyy-MM-dd} to {to:yyyy-MM-dd}"));
        var workspace = caller.Workspace;
        var providers = ProviderRegistry.All(workspace).Values.Select(p => p.Provider).Where(p => p.Program == program).ToList();
        var definition = MetricCatalog.Find(MetricCatalog.Load(workspace), metricId).Definition;
        if (ProviderBreakdown.For(definition, providers) is not { } breakdown)
        {
            return (new Dictionary<string, double>(), null);
        }

        var pooled = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (provider, figures) in breakdown.ByProvider(new PublishedMetrics(workspace).Results(metricId, breakdown.Group, from, to)))
        {
            if (Pooled.Of(figures.Select(r => (r.Denominator, r.Value))) is { } value)
            {
                pooled[provider] = value;
            }
        }

        return (pooled, PeerBenchmark.Of(pooled.Values)?.Median);
    }
}
