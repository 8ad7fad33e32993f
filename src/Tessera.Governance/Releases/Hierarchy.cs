using System.Globalization;

namespace Tessera.Governance.Releases;

/// <summary>
/// How one quasi-identifier generalises, level by level, from the value itself (level 0) to
/// nothing at all ("*", the last level): years of birth to 5-, 10- and 20-year bands, ZIP codes to
/// fewer digits, race categories to broader groups. k-anonymity searches these levels.
/// </summary>
public sealed class Hierarchy
{
    private readonly Func<string, int, string> _generalise;

    private Hierarchy(string name, int levels, Func<string, int, string> generalise)
    {
        Name = name;
        Levels = levels;
        _generalise = generalise;
    }

    /// <summary>The quasi-identifier's name (a column of the release).</summary>
    public string Name { get; }

    /// <summary>How many levels: 0 is the value, <see cref="Levels"/> − 1 is "*".</summary>
    public int Levels { get; }

    /// <summary><paramref name="value"/> at <paramref name="level"/>.</summary>
    public string Generalise(string value, int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, Levels);
        return level == Levels - 1 ? "*" : level == 0 ? value : _generalise(value, level);
    }

    /// <summary>A number (e.g. a year of birth) in bands of <paramref name="widths"/>, one level each, then "*": bands of 5 turn 1987 into "1985-1989".</summary>
    public static Hierarchy Bands(string name, params int[] widths)
    {
        ArgumentNullException.ThrowIfNull(widths);
        return new Hierarchy(name, widths.Length + 2, (value, level) =>
        {
            if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                return value; // "90 or older" and the like are a band already
            }

            var width = widths[level - 1];
            var low = (long)Math.Floor((double)number / width) * width;
            return string.Create(CultureInfo.InvariantCulture, $"{low}-{low + width - 1}");
        });
    }

    /// <summary>
    /// A date (yyyy-MM-dd) to its month, its year, then its year in bands of
    /// <paramref name="widths"/>, then "*": 1987-06-15 becomes 1987-06, 1987, 1985-1989 …
    /// </summary>
    public static Hierarchy Dates(string name, params int[] widths)
    {
        ArgumentNullException.ThrowIfNull(widths);
        var years = Bands(name, widths);
        return new Hierarchy(name, widths.Length + 4, (value, level) => level switch
        {
            1 => value.Length >= 7 ? value[..7] : value,
            2 => value.Length >= 4 ? value[..4] : value,
            _ => years.Generalise(value.Length >= 4 ? value[..4] : value, level - 2),
        });
    }

    /// <summary>A code kept to the first <paramref name="lengths"/> characters, one level each, then "*": "60614" at length 3 is "606**".</summary>
    public static Hierarchy Prefix(string name, params int[] lengths)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        return new Hierarchy(name, lengths.Length + 2, (value, level) =>
        {
            var keep = Math.Min(lengths[level - 1], value.Length);
            return value[..keep] + new string('*', value.Length - keep);
        });
    }

    /// <summary>Categories mapped to broader ones, one mapping per level, then "*"; a value a mapping does not name stays as it is.</summary>
    public static Hierarchy Groups(string name, params IReadOnlyDictionary<string, string>[] mappings)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        return new Hierarchy(name, mappings.Length + 2, (value, level) => mappings[level - 1].GetValueOrDefault(value, value));
    }

    /// <summary>A value kept or hidden: two levels.</summary>
    public static Hierarchy KeepOrHide(string name) => new(name, 2, (value, _) => value);
}
