using System.Runtime.CompilerServices;
namespace Tessera.Linkage.Comparisons;

/// <summary>
/// The string measures record linkage relies on, written for spans so that comparing millions of
/// pairs allocates nothing. Checked against F23.StringSimilarity in the tests.
/// </summary>
internal static class StringSimilarity
{
    /// <summary>
    /// Jaro–Winkler similarity (0–1, prefix scale 0.1, up to 4 prefix characters): typos near the
    /// end of a name cost less than at its start. "martha"/"marhta" = 0.961.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double JaroWinkler(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.SequenceEqual(b))
        {
            return a.IsEmpty ? 0 : 1;
        }

        if (a.IsEmpty || b.IsEmpty)
        {
            return 0;
        }

        if (a.Length > b.Length)
        {
            var swap = a;
            a = b;
            b = swap;
        }

        var window = Math.Max(0, (b.Length / 2) - 1);
        Span<bool> aMatched = a.Length <= 128 ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> bMatched = b.Length <= 128 ? stackalloc bool[b.Length] : new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = true;
                    bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
            {
                continue;
            }

            while (!bMatched[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        double m = matches;
        var jaro = ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2.0)) / m)) / 3.0;
        if (jaro <= 0.7)
        {
            return jaro;
        }

        var prefix = 0;
        var limit = Math.Min(4, a.Length);
        while (prefix < limit && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1 - jaro));
    }

    /// <summary>
    /// Jaro–Winkler similarity when it can reach <paramref name="floor"/>, else 0. Most pairs of
    /// different names are rejected from their lengths and shared letters alone, without the
    /// quadratic matching step: an upper bound on the matching characters bounds the similarity.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double JaroWinklerAtLeast(ReadOnlySpan<char> a, ReadOnlySpan<char> b, double floor)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return 0;
        }

        var prefix = 0;
        var limit = Math.Min(4, Math.Min(a.Length, b.Length));
        while (prefix < limit && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var shorter = Math.Min(a.Length, b.Length);
        if (Bound(shorter, a.Length, b.Length, prefix) < floor)
        {
            return 0;
        }

        if (CommonCharacters(a, b) is var common and >= 0 && Bound(common, a.Length, b.Length, prefix) < floor)
        {
            return 0;
        }

        var similarity = JaroWinkler(a, b);
        return similarity >= floor ? similarity : 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Bound(int matches, int lengthA, int lengthB, int prefix)
    {
        if (matches == 0)
        {
            return 0;
        }

        var jaro = ((matches / (double)lengthA) + (matches / (double)lengthB) + 1) / 3;
        return jaro <= 0.7 ? jaro : jaro + (prefix * 0.1 * (1 - jaro));
    }

    /// <summary>Characters the two strings have in common as multisets (an upper bound on Jaro's matches), or -1 outside a–z, 0–9 and space.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CommonCharacters(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        Span<byte> counts = stackalloc byte[64];
        counts.Clear();
        foreach (var c in a)
        {
            var slot = Slot(c);
            if (slot < 0)
            {
                return -1;
            }

            counts[slot]++;
        }

        var common = 0;
        foreach (var c in b)
        {
            var slot = Slot(c);
            if (slot < 0)
            {
                return -1;
            }

            if (counts[slot] > 0)
            {
                counts[slot]--;
                common++;
            }
        }

        return common;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(char c) => c < 128 ? Slots[c] : -1;

    /// <summary>Counting slot of each ASCII character (-1: not counted): a–z, 0–9, and the punctuation of e-mail addresses.</summary>
    private static ReadOnlySpan<sbyte> Slots =>
    [
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        36, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 39, 37, -1, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, -1, -1, -1, -1, -1, -1,
        38, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 40,
        -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, -1, -1, -1, -1, -1,
    ];

    /// <summary>
    /// Damerau–Levenshtein distance (optimal string alignment: insertions, deletions, substitutions
    /// and swaps of neighbours each cost 1), or <paramref name="limit"/> + 1 when it exceeds the limit.
    /// "1984" vs "1948" = 1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int DamerauLevenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit = int.MaxValue - 1)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        if (a.IsEmpty || b.IsEmpty)
        {
            return Math.Max(a.Length, b.Length);
        }

        var width = b.Length + 1;
        Span<int> rows = (3 * width) <= 512 ? stackalloc int[3 * width] : new int[3 * width];
        var previous2 = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }

        return Math.Min(previous[b.Length], limit + 1);
    }
}
