using System.Collections.Frozen;

namespace Tessera.Linkage.Standardisation;

/// <summary>
/// Standardises given, middle and family names and splits a full name into them. Suffixes
/// (Jr, Sr, II, III) are removed because agencies keep, drop or glue them at will; particles
/// (de, la, van, von …) are kept in the full spelling but not counted as a part of their own.
/// </summary>
internal static class NameStandardiser
{
    private static readonly FrozenSet<string> Suffixes = FrozenSet.ToFrozenSet(["jr", "sr", "ii", "iii", "iv", "jnr", "snr", "2nd", "3rd"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Particles = FrozenSet.ToFrozenSet(
        ["de", "da", "del", "della", "dela", "der", "den", "di", "du", "la", "le", "van", "von", "vander", "st", "san", "ten", "ter", "bin", "ibn", "al", "el", "y"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> Unknown = FrozenSet.ToFrozenSet(
        ["unknown", "unk", "nfn", "nln", "fnu", "lnu", "none", "na", "n a", "baby", "babyboy", "babygirl", "baby boy", "baby girl", "infant", "doe", "test", "x", "xx", "xxx"],
        StringComparer.Ordinal);

    /// <summary>A given or middle name, or null when it is empty or a placeholder ("UNKNOWN", "FNU", "Baby Girl").</summary>
    public static PersonName? Given(ReadOnlySpan<char> raw) => Standardise(raw, keepParticles: false);

    /// <summary>A family name, or null when it is empty or a placeholder.</summary>
    public static PersonName? Family(ReadOnlySpan<char> raw) => Standardise(raw, keepParticles: true);

    /// <summary>
    /// Splits a name written in one field: "GARCIA LOPEZ, MARIA J" (family, given middle) or
    /// "Maria J Garcia" (given … family).
    /// </summary>
    public static (PersonName? Given, PersonName? Middle, PersonName? Family) SplitFull(ReadOnlySpan<char> raw)
    {
        var comma = raw.IndexOf(',');
        if (comma >= 0)
        {
            var family = Family(raw[..comma]);
            var rest = TextNormaliser.Normalise(raw[(comma + 1)..]);
            if (rest is null)
            {
                return (null, null, family);
            }

            var words = WithoutSuffixes(rest.Split(' '));
            return (words.Length > 0 ? Given(words[0]) : null, words.Length > 1 ? Given(string.Join(' ', words[1..])) : null, family);
        }

        var text = TextNormaliser.Normalise(raw);
        if (text is null)
        {
            return (null, null, null);
        }

        var all = WithoutSuffixes(text.Split(' '));
        return all.Length switch
        {
            0 => (null, null, null),
            1 => (Given(all[0]), null, null),
            2 => (Given(all[0]), null, Family(all[1])),
            _ => (Given(all[0]), Given(string.Join(' ', all[1..^1])), Family(all[^1])),
        };
    }

    private static PersonName? Standardise(ReadOnlySpan<char> raw, bool keepParticles)
    {
        var text = TextNormaliser.Normalise(raw);
        if (text is null || Unknown.Contains(text))
        {
            return null;
        }

        var words = WithoutSuffixes(text.Split(' '));
        if (words.Length == 0)
        {
            return null;
        }

        var full = string.Concat(words);
        var parts = keepParticles ? words.Where(w => !Particles.Contains(w)).ToArray() : words;
        if (parts.Length == 0)
        {
            parts = [full];
        }

        return new PersonName(full, words[0], parts);
    }

    private static string[] WithoutSuffixes(string[] words)
    {
        var count = words.Length;
        while (count > 1 && Suffixes.Contains(words[count - 1]))
        {
            count--;
        }

        return count == words.Length ? words : words[..count];
    }
}
