using System.Globalization;

namespace Tessera.Metrics.Evaluation;

/// <summary>
/// One band of a dose: a numeric range written <c>0-3</c> (from 0 up to, not including, 3),
/// <c>3+</c> (3 or more) or <c>2</c> (exactly 2); or, for a field of codes, one or more codes
/// joined by <c>|</c> (<c>DROPPED_OUT|NO_SHOW</c>).
/// </summary>
public sealed record DoseBand(string Label, double? From, double? Below, IReadOnlySet<string>? Codes)
{
    /// <summary>True when <paramref name="value"/> falls in the band.</summary>
    public bool Holds(string? value)
    {
        if (value is null)
        {
            return false;
        }

        if (Codes is not null)
        {
            return Codes.Contains(value);
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        return (From is not { } from || number >= from) && (Below is not { } below || number < below);
    }

    /// <summary>Reads a comma-separated list of bands, e.g. <c>"0-3,3+"</c>.</summary>
    /// <exception cref="FormatException">A band is neither a range nor codes; the message names it and says what is expected.</exception>
    public static IReadOnlyList<DoseBand> Parse(string bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var parts = bands.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length < 2 || parts.Any(p => p.Length == 0))
        {
            throw new FormatException($"--bands \"{bands}\": give two or more bands separated by commas, e.g. \"0-3,3+\" or \"COMPLETED,DROPPED_OUT|NO_SHOW\".");
        }

        var numeric = parts.All(p => char.IsDigit(p[0]) || p[0] == '.');
        var parsed = parts.Select(p => numeric ? Range(p, bands) : new DoseBand(p, null, null, p.Split('|', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal))).ToList();
        var codes = parsed.Where(b => b.Codes is not null).SelectMany(b => b.Codes!).ToList();
        if (codes.Count != codes.Distinct(StringComparer.Ordinal).Count())
        {
            throw new FormatException($"--bands \"{bands}\": a code is in two bands.");
        }

        return parsed;
    }

    private static DoseBand Range(string text, string all)
    {
        static double Number(string s, string all) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? n : throw new FormatException($"--bands \"{all}\": '{s}' is not a number; write ranges as 0-3, 3+ or 2.");
        if (text.EndsWith('+'))
        {
            return new DoseBand(text, Number(text[..^1], all), null, null);
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            var exactly = Number(text, all);
            return new DoseBand(text, exactly, Math.BitIncrement(exactly), null);
        }

        var (from, below) = (Number(text[..dash], all), Number(text[(dash + 1)..], all));
        return below > from ? new DoseBand(text, from, below, null)
            : throw new FormatException($"--bands \"{all}\": in '{text}' the upper end must be above the lower.");
    }
}
