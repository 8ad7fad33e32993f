namespace Tessera.Synthetic.Effects;

/// <summary>
/// Counts of what the planted effects produced (e.g. "fp.long.reinvolved"), summed over chunks
/// and reported in truth/effects.json, so a test can tell planted from realised strength.
/// </summary>
internal sealed class EffectTally
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Counts => _counts;

    public void Add(string key, long amount = 1)
    {
        _counts.TryGetValue(key, out var current);
        _counts[key] = current + amount;
    }

    public long this[string key] => _counts.TryGetValue(key, out var v) ? v : 0;

    public void Merge(EffectTally other)
    {
        foreach (var (key, value) in other._counts)
        {
            Add(key, value);
        }
    }
}
