using Tessera.Core.Contracting;

namespace Tessera.Contracts.Providers;

/// <summary>
/// From an agency's own code for a provider to the provider: <c>(workforce, provider_id, WF01)</c>
/// → WF01. Each code belongs to one provider; the same code naming two is an error in the files
/// that say so, found before anything is stored.
/// </summary>
public sealed class ProviderCrosswalk
{
    private readonly Dictionary<(string Source, string Field, string Value), ProviderId> _map = [];
    private readonly HashSet<ProviderId> _providers = [];

    private ProviderCrosswalk()
    {
    }

    /// <summary>Every code and its provider.</summary>
    public IReadOnlyDictionary<(string Source, string Field, string Value), ProviderId> Codes => _map;

    /// <summary>The crosswalk of <paramref name="providers"/>.</summary>
    /// <exception cref="InvalidOperationException">A code names two providers (the message says which).</exception>
    public static ProviderCrosswalk Of(IEnumerable<Provider> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        var crosswalk = new ProviderCrosswalk();
        foreach (var provider in providers)
        {
            crosswalk._providers.Add(provider.Id);
            foreach (var code in provider.Identifiers)
            {
                var key = (code.Source, code.Field, code.Value);
                if (crosswalk._map.TryGetValue(key, out var other) && other != provider.Id)
                {
                    throw new InvalidOperationException($"{code.Source}.{code.Field} = {code.Value} names both {other} and {provider.Id}; a code names one provider.");
                }

                crosswalk._map[key] = provider.Id;
            }
        }

        return crosswalk;
    }

    /// <summary>The provider <paramref name="source"/>'s <paramref name="field"/> = <paramref name="value"/> stands for, if any.</summary>
    public ProviderId? Find(string source, string field, string value) =>
        _map.TryGetValue((source, field, value), out var id) ? id : null;

    /// <summary>True when <paramref name="source"/>'s <paramref name="field"/> (in any letter case, as field names are) = <paramref name="value"/> names a provider.</summary>
    public bool Maps(string source, string field, string value) =>
        _map.Keys.Any(k => k.Source == source && string.Equals(k.Field, field, StringComparison.OrdinalIgnoreCase) && k.Value == value);

    /// <summary>
    /// The provider an unmapped code most likely stands for, to offer whoever keeps the registry:
    /// the provider whose id is the code (agencies often use the registry's ids), else the one
    /// provider another agency's data names with the same code; null when neither or ambiguous.
    /// </summary>
    public ProviderId? Suggest(string value)
    {
        if (ProviderId.TryParse(value, out var id) && _providers.Contains(id))
        {
            return id;
        }

        var named = _map.Where(c => c.Key.Value == value).Select(c => c.Value).Distinct().ToList();
        return named.Count == 1 ? named[0] : null;
    }
}
