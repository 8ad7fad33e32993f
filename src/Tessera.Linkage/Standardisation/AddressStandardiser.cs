using System.Collections.Frozen;
using System.Text;

namespace Tessera.Linkage.Standardisation;

/// <summary>
/// Standardises a street address to USPS-style abbreviations and splits off the unit:
/// "12 North Main Street, Apt. 4B" → street "12 n main st", unit "4b". Members of one household
/// share the street and unit; neighbours in one building share only the street.
/// </summary>
internal static class AddressStandardiser
{
    private static readonly FrozenDictionary<string, string> Abbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["street"] = "st", ["str"] = "st", ["avenue"] = "ave", ["av"] = "ave", ["road"] = "rd", ["drive"] = "dr",
        ["lane"] = "ln", ["court"] = "ct", ["place"] = "pl", ["boulevard"] = "blvd", ["circle"] = "cir",
        ["terrace"] = "ter", ["highway"] = "hwy", ["parkway"] = "pkwy", ["square"] = "sq", ["crescent"] = "cres",
        ["close"] = "cl", ["way"] = "way", ["trail"] = "trl", ["north"] = "n", ["south"] = "s", ["east"] = "e",
        ["west"] = "w", ["northeast"] = "ne", ["northwest"] = "nw", ["southeast"] = "se", ["southwest"] = "sw",
        ["mount"] = "mt", ["saint"] = "st", ["first"] = "1st", ["second"] = "2nd", ["third"] = "3rd",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> UnitMarkers = FrozenSet.ToFrozenSet(
        ["apt", "apartment", "unit", "suite", "ste", "flat", "rm", "room", "no", "lot", "bldg", "fl", "floor"], StringComparer.Ordinal);

    /// <summary>The street without the unit and the unit (null when none); both null for an empty address.</summary>
    public static (string? Street, string? Unit) Standardise(ReadOnlySpan<char> raw)
    {
        var hash = raw.IndexOf('#');
        var text = TextNormaliser.Normalise(hash >= 0 ? string.Concat(raw[..hash], " unit ", raw[(hash + 1)..]) : raw);
        if (text is null)
        {
            return (null, null);
        }

        var street = new StringBuilder(text.Length);
        var unit = new StringBuilder();
        var inUnit = false;
        foreach (var word in text.Split(' '))
        {
            if (UnitMarkers.Contains(word) && street.Length > 0)
            {
                inUnit = true;
                continue;
            }

            var target = inUnit ? unit : street;
            if (target.Length > 0)
            {
                target.Append(' ');
            }

            target.Append(inUnit ? word : Abbreviations.GetValueOrDefault(word, word));
        }

        return (street.Length == 0 ? null : street.ToString(), unit.Length == 0 ? null : unit.ToString());
    }
}
