using System.Globalization;
using System.Text;

namespace Tessera.Linkage.Standardisation;

/// <summary>
/// Brings free text to one spelling before it is compared: lower case, accents removed by Unicode
/// decomposition, apostrophes dropped and every other punctuation mark turned into a space.
/// Example: "JOSÉ  O'Brien-Smith" becomes "jose obrien smith", so it equals what another agency
/// typed as "Jose OBrien Smith".
/// </summary>
internal static class TextNormaliser
{
    /// <summary>The normalised text, or null when nothing but punctuation and spaces is left.</summary>
    public static string? Normalise(ReadOnlySpan<char> raw)
    {
        raw = raw.Trim();
        if (raw.IsEmpty)
        {
            return null;
        }

        var text = IsAscii(raw) ? raw : Decompose(raw);
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && length > 0)
                {
                    buffer[length++] = ' ';
                }

                pendingSpace = false;
                buffer[length++] = char.ToLowerInvariant(c);
            }
            else if (c is '\'' or '\u2019' or '`' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                // O'Brien and D’Angelo are written without the apostrophe as often as with it.
            }
            else
            {
                pendingSpace = true;
            }
        }

        return length == 0 ? null : new string(buffer[..length]);
    }

    /// <summary>The text's letters and digits only, lower case: "De La Cruz" → "delacruz".</summary>
    public static string Squeeze(string normalised) =>
        normalised.Contains(' ', StringComparison.Ordinal) ? normalised.Replace(" ", string.Empty, StringComparison.Ordinal) : normalised;

    /// <summary>The digits in <paramref name="raw"/>, in order.</summary>
    public static string Digits(ReadOnlySpan<char> raw)
    {
        Span<char> buffer = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        var length = 0;
        foreach (var c in raw)
        {
            if (c is >= '0' and <= '9')
            {
                buffer[length++] = c;
            }
        }

        return new string(buffer[..length]);
    }

    private static bool IsAscii(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c > 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    private static ReadOnlySpan<char> Decompose(ReadOnlySpan<char> text)
    {
        var decomposed = text.ToString().Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            builder.Append(c switch
            {
                'ß' => "ss",
                'æ' or 'Æ' => "ae",
                'ø' or 'Ø' => "o",
                'đ' or 'Đ' => "d",
                'ł' or 'Ł' => "l",
                'œ' or 'Œ' => "oe",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
