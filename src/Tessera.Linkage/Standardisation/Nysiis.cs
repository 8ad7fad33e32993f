using System.Text;

namespace Tessera.Linkage.Standardisation;

/// <summary>
/// The New York State Identification and Intelligence System phonetic code (Taft, 1970): names
/// that sound alike get the same code, e.g. "Knight" and "Night" both give "NAGT", "Schmidt" and
/// "Smith" stay apart. Used for blocking and for a "sounds alike" comparison level.
/// </summary>
internal static class Nysiis
{
    private const int MaxLength = 8;

    /// <summary>The code of a name of letters a–z (other characters are ignored); empty for no letters.</summary>
    public static string Encode(string name)
    {
        var letters = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is >= 'a' and <= 'z')
            {
                letters.Append((char)(c - 32));
            }
            else if (c is >= 'A' and <= 'Z')
            {
                letters.Append(c);
            }
        }

        if (letters.Length == 0)
        {
            return string.Empty;
        }

        var word = letters.ToString();
        word = ReplaceStart(word);
        word = ReplaceEnd(word);
        var key = new StringBuilder(word.Length);
        key.Append(word[0]);
        var chars = word.ToCharArray();
        for (var i = 1; i < chars.Length; i++)
        {
            var piece = Translate(chars, i);
            foreach (var c in piece)
            {
                if (key[^1] != c)
                {
                    key.Append(c);
                }
            }
        }

        if (key.Length > 1 && key[^1] == 'S')
        {
            key.Length--;
        }

        if (key.Length > 2 && key[^2] == 'A' && key[^1] == 'Y')
        {
            key.Remove(key.Length - 2, 1);
        }

        if (key.Length > 1 && key[^1] == 'A')
        {
            key.Length--;
        }

        return key.Length > MaxLength ? key.ToString(0, MaxLength) : key.ToString();
    }

    private static string ReplaceStart(string word) => word switch
    {
        _ when word.StartsWith("MAC", StringComparison.Ordinal) => "MCC" + word[3..],
        _ when word.StartsWith("KN", StringComparison.Ordinal) => "NN" + word[2..],
        _ when word.StartsWith('K') => "C" + word[1..],
        _ when word.StartsWith("PH", StringComparison.Ordinal) || word.StartsWith("PF", StringComparison.Ordinal) => "FF" + word[2..],
        _ when word.StartsWith("SCH", StringComparison.Ordinal) => "SSS" + word[3..],
        _ => word,
    };

    private static string ReplaceEnd(string word)
    {
        if (word.EndsWith("EE", StringComparison.Ordinal) || word.EndsWith("IE", StringComparison.Ordinal))
        {
            return word[..^2] + "Y";
        }

        foreach (var ending in (string[])["DT", "RT", "RD", "NT", "ND"])
        {
            if (word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^2] + "D";
            }
        }

        return word;
    }

    private static string Translate(char[] chars, int i)
    {
        var c = chars[i];
        var next = i + 1 < chars.Length ? chars[i + 1] : '\0';
        switch (c)
        {
            case 'E' when next == 'V':
                chars[i + 1] = 'F';
                return "A";
            case 'A' or 'E' or 'I' or 'O' or 'U':
                return "A";
            case 'Q':
                return "G";
            case 'Z':
                return "S";
            case 'M':
                return "N";
            case 'K' when next == 'N':
                return "N";
            case 'K':
                return "C";
            case 'S' when next == 'C' && i + 2 < chars.Length && chars[i + 2] == 'H':
                chars[i + 1] = 'S';
                chars[i + 2] = 'S';
                return "S";
            case 'P' when next == 'H':
                chars[i + 1] = 'F';
                return "F";
            case 'H' when !IsVowel(chars[i - 1]) || (next != '\0' && !IsVowel(next)):
                return IsVowel(chars[i - 1]) ? "A" : chars[i - 1].ToString();
            case 'W' when IsVowel(chars[i - 1]):
                return "A";
            default:
                return c.ToString();
        }
    }

    private static bool IsVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U';
}
