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
}
