using Tessera.Core.Identity;

namespace Tessera.Linkage.Standardisation;

/// <summary>
/// Standardises the identifiers and contact fields that are compared as codes rather than as
/// names: SSN, phone, ZIP or postcode, sex and e-mail.
/// </summary>
internal static class IdentifierStandardiser
{
    /// <summary>
    /// An SSN: nine digits that pass the SSA's rules, or null (placeholders such as 999-99-9999
    /// and impossible numbers would otherwise make giant false matches). A masked value such as
    /// "xxxxx1234" (HMIS partial SSN) gives its last four digits in <paramref name="lastFour"/>.
    /// Numbers of another length (another country's identity number) are kept as their digits
    /// unless every digit is the same.
    /// </summary>
    public static string? Ssn(ReadOnlySpan<char> raw, out string? lastFour)
    {
        lastFour = null;
        var trimmed = raw.Trim();
        var digits = TextNormaliser.Digits(trimmed);
        if (trimmed.ContainsAny('x', 'X', '*') && digits.Length == 4)
        {
            lastFour = digits == "0000" ? null : digits;
            return null;
        }

        if (digits.Length == 9)
        {
            if (!SsnRules.IsPlausible(digits))
            {
                return null;
            }

            lastFour = digits[5..];
            return digits;
        }

        return digits.Length >= 5 && digits.AsSpan().IndexOfAnyExcept(digits[0]) >= 0 ? digits : null;
    }

    /// <summary>A phone number as its last ten digits (country code 1 dropped), or null with fewer than seven digits or one repeated digit.</summary>
    public static string? Phone(ReadOnlySpan<char> raw)
    {
        var digits = TextNormaliser.Digits(raw);
        if (digits.Length == 11 && digits[0] == '1')
        {
            digits = digits[1..];
        }

        if (digits.Length > 10)
        {
            digits = digits[^10..];
        }

        return digits.Length < 7 || digits.AsSpan().IndexOfAnyExcept(digits[0]) < 0 ? null : digits;
    }

    /// <summary>A ZIP code's first five digits (ZIP+4 dropped), or any other postcode squeezed: "TQ13 8DF" → "tq138df".</summary>
    public static string? Zip(ReadOnlySpan<char> raw)
    {
        var text = TextNormaliser.Normalise(raw);
        if (text is null)
        {
            return null;
        }

        var squeezed = TextNormaliser.Squeeze(text);
        if (squeezed.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
        {
            if (squeezed.Trim('0').Length == 0)
            {
                return null;
            }

            return squeezed.Length is 9 or 5 ? squeezed[..5] : squeezed.Length == 4 ? "0" + squeezed : squeezed;
        }

        return squeezed;
    }

    /// <summary>'m' or 'f', or '\0' when the value says neither (unknown, refused, another gender).</summary>
    public static char Sex(ReadOnlySpan<char> raw)
    {
        var text = TextNormaliser.Normalise(raw);
        return text switch
        {
            "m" or "male" or "man" or "boy" => 'm',
            "f" or "female" or "woman" or "girl" => 'f',
            _ => '\0',
        };
    }

    /// <summary>An e-mail address in lower case, or null when it has no '@'.</summary>
    public static string? Email(ReadOnlySpan<char> raw)
    {
        var text = raw.Trim();
        var at = text.IndexOf('@');
        return at <= 0 || at == text.Length - 1 ? null : text.ToString().ToLowerInvariant();
    }
}
