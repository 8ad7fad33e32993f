namespace Tessera.Core.Identity;

/// <summary>
/// The Social Security Administration's structural rules for a Social Security number, and the
/// placeholders agencies type when the client has none. Why it matters: intake forms force a
/// value, so 000-00-0000 or 999-99-9999 appear on thousands of unrelated people; treating them
/// as real makes one giant false match.
/// </summary>
public static class SsnRules
{
    /// <summary>Values clerks enter when the real number is unknown, as nine digits.</summary>
    public static IReadOnlyList<string> WellKnownPlaceholders { get; } =
    [
        "000000000", "999999999", "123456789", "111111111", "888888888", "078051120", "219099999",
    ];

    /// <summary>
    /// True when <paramref name="digits"/> is nine digits that the SSA could have issued:
    /// area not 000, 666 or 900–999; group not 00; serial not 0000; not a well-known placeholder.
    /// Example: "123450000" is invalid (serial 0000), "900123456" is invalid (area 9xx: an ITIN).
    /// </summary>
    public static bool IsPlausible(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 9)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        var area = ((digits[0] - '0') * 100) + ((digits[1] - '0') * 10) + (digits[2] - '0');
        var group = ((digits[3] - '0') * 10) + (digits[4] - '0');
        var serial = ((digits[5] - '0') * 1000) + ((digits[6] - '0') * 100) + ((digits[7] - '0') * 10) + (digits[8] - '0');
        if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0)
        {
            return false;
        }

        foreach (var placeholder in WellKnownPlaceholders)
        {
            if (digits.SequenceEqual(placeholder))
            {
                return false;
            }
        }

        return true;
    }
}
