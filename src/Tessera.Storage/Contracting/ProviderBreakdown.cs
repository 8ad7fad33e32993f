using Tessera.Contracts.Benchmarks;
using Tessera.Contracts.Providers;
using Tessera.Metrics.Definitions;
using Tessera.Metrics.Results;

namespace Tessera.Storage.Contracting;

/// <summary>
/// How a metric's results are read by provider: the metric's breakdown whose field is one the
/// crosswalk knows in the metric's source — <c>provider_id</c> of workforce enrolments, HMIS
/// <c>ProjectID</c> — and each value of it turned into the registered provider it names. A provider
/// named by several codes (several shelter projects) gets one figure per period from all of them:
/// numerators and denominators added, values <see cref="Pooled"/>.
/// </summary>
internal sealed class ProviderBreakdown
{
    private readonly Dictionary<string, string> _providerOf;

    private ProviderBreakdown(string group, Dictionary<string, string> providerOf)
    {
        Group = group;
        _providerOf = providerOf;
    }

    /// <summary>The breakdown's name in the metric's results, e.g. <c>provider_id</c>.</summary>
    public string Group { get; }

    /// <summary>The breakdown of <paramref name="definition"/> that names some of <paramref name="providers"/>, or null when none does.</summary>
    public static ProviderBreakdown? For(MetricDefinition definition, IEnumerable<Provider> providers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var codes = providers.SelectMany(p => p.Identifiers.Select(c => (Code: c, Provider: p.Id.Value))).ToList();
        foreach (var group in definition.GroupBy)
        {
            var field = group.Field[(group.Field.LastIndexOf('.') + 1)..];
            var named = codes.Where(c => c.Code.Source == definition.Population.Source && string.Equals(c.Code.Field, field, StringComparison.OrdinalIgnoreCase))
                .ToDictionary(c => c.Code.Value, c => c.Provider, StringComparer.Ordinal);
            if (named.Count > 0 && group.Bands.Count == 0)
            {
                return new ProviderBreakdown(group.Name, named);
            }
        }

        return null;
    }

    /// <summary>The values of the breakdown that name <paramref name="provider"/> (several for a provider with several codes).</summary>
    public IReadOnlyList<string> CodesOf(string provider) => [.. _providerOf.Where(p => p.Value == provider).Select(p => p.Key).Order(StringComparer.Ordinal)];

    /// <summary>The provider a value of the breakdown names, or null.</summary>
    public string? ProviderOf(string code) => _providerOf.GetValueOrDefault(code);

    /// <summary>Each provider's figures, one per period.</summary>
    public Dictionary<string, List<MetricResult>> ByProvider(IEnumerable<MetricResult> results) =>
        results.Where(r => _providerOf.ContainsKey(r.GroupValue))
            .GroupBy(r => _providerOf[r.GroupValue], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(r => r.PeriodStart).Select(Combine).OrderBy(r => r.PeriodStart).ToList(), StringComparer.Ordinal);

    private static MetricResult Combine(IEnumerable<MetricResult> figures)
    {
        var list = figures.ToList();
        if (list.Count == 1)
        {
            return list[0];
        }

        long? Sum(Func<MetricResult, long?> part) => list.All(r => part(r) is not null) ? list.Sum(r => part(r)!.Value) : null;
        return list[0] with
        {
            GroupValue = string.Join("+", list.Select(r => r.GroupValue)), Numerator = Sum(r => r.Numerator), Denominator = Sum(r => r.Denominator),
            Value = Pooled.Of(list.Select(r => (r.Denominator, r.Value))),
        };
    }
}
