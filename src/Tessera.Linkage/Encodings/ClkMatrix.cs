using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using Tessera.Linkage.Running;

namespace Tessera.Linkage.Encodings;

/// <summary>
/// One party's CLKs held side by side as 64-bit words, with each filter's bit count, so that Dice
/// similarities against another party's are computed in bulk: the pairs are taken in tiles small
/// enough to stay in the processor's cache (a block of queries against a block of candidates), each
/// comparison is an AND and a hardware population count per word, and the tiles are shared out over
/// the cores. The threshold test is done on counts (2·|A∩B| ≥ t·(|A|+|B|)) without a division.
/// </summary>
public sealed class ClkMatrix
{
    private const int QueryTile = 64;
    private const int CandidateTile = 1024; // 1,024 filters of 128 bytes: 128 KiB, within a core's L2

    private readonly ulong[] _words;
    private readonly int[] _bits;

    private ClkMatrix(ulong[] words, int[] bits, int wordsPerFilter)
    {
        (_words, _bits, WordsPerFilter) = (words, bits, wordsPerFilter);
    }

    /// <summary>How many filters.</summary>
    public int Count => _bits.Length;

    /// <summary>Each filter's length in 64-bit words (16 for 1,024 bits).</summary>
    public int WordsPerFilter { get; }

    /// <summary>The matrix of <paramref name="clks"/> (all the same length, a multiple of 8 bytes), as clkhash writes them: most significant bit first.</summary>
    /// <exception cref="ArgumentException">The filters differ in length, or a length is not a multiple of 8 bytes.</exception>
    public static ClkMatrix Of(IReadOnlyList<byte[]> clks)
    {
        ArgumentNullException.ThrowIfNull(clks);
        var bytes = clks.Count == 0 ? 8 : clks[0].Length;
        if (bytes == 0 || bytes % 8 != 0 || clks.Any(c => c.Length != bytes))
        {
            throw new ArgumentException("Every CLK must have the same length, a multiple of 64 bits.", nameof(clks));
        }

        var per = bytes / 8;
        var words = new ulong[clks.Count * per];
        var bits = new int[clks.Count];
        for (var i = 0; i < clks.Count; i++)
        {
            for (var w = 0; w < per; w++)
            {
                var word = BinaryPrimitives.ReadUInt64BigEndian(clks[i].AsSpan(w * 8, 8));
                words[(i * per) + w] = word;
                bits[i] += BitOperations.PopCount(word);
            }
        }

        return new ClkMatrix(words, bits, per);
    }

    /// <summary>The Dice similarity of this matrix's filter <paramref name="i"/> and <paramref name="other"/>'s filter <paramref name="j"/>.</summary>
    public double Dice(int i, ClkMatrix other, int j)
    {
        ArgumentNullException.ThrowIfNull(other);
        var shared = Shared(_words.AsSpan(i * WordsPerFilter, WordsPerFilter), other._words.AsSpan(j * other.WordsPerFilter, other.WordsPerFilter));
        var total = _bits[i] + other._bits[j];
        return total == 0 ? 0 : 2.0 * shared / total;
    }

    /// <summary>
    /// Every pair (filter of this matrix, filter of <paramref name="other"/>) with a Dice similarity of
    /// <paramref name="threshold"/> or more, ordered by this matrix's index then the other's.
    /// </summary>
    /// <exception cref="ArgumentException">The filters of the two matrices differ in length.</exception>
    public IReadOnlyList<(int Left, int Right, double Dice)> PairsAtLeast(ClkMatrix other, double threshold)
    {
        var tiles = Tiles(other);
        var found = new List<(int, int, double)>[tiles];
        Parallel.For(0, tiles, Workers.PerCore(), tile =>
        {
            var pairs = new List<(int, int, double)>();
            Scan(other, threshold, tile, (i, j, shared, total) => pairs.Add((i, j, 2.0 * shared / total)));
            found[tile] = pairs;
        });
        return [.. found.SelectMany(p => p)];
    }

    /// <summary>How many pairs have a Dice similarity of <paramref name="threshold"/> or more (for measuring: nothing is kept).</summary>
    public long CountAtLeast(ClkMatrix other, double threshold)
    {
        var tiles = Tiles(other);
        var counts = new long[tiles];
        Parallel.For(0, tiles, Workers.PerCore(), tile =>
        {
            long count = 0;
            Scan(other, threshold, tile, (_, _, _, _) => count++);
            counts[tile] = count;
        });
        return counts.Sum();
    }

    private int Tiles(ClkMatrix other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.WordsPerFilter != WordsPerFilter)
        {
            throw new ArgumentException($"CLKs of {WordsPerFilter * 64} and {other.WordsPerFilter * 64} bits cannot be compared: they come from different schemas.", nameof(other));
        }

        return (Count + QueryTile - 1) / QueryTile;
    }

    // One block of this matrix's filters against every block of the other's.
    private void Scan(ClkMatrix other, double threshold, int tile, Action<int, int, int, int> hit)
    {
        var per = WordsPerFilter;
        var (first, last) = (tile * QueryTile, Math.Min(Count, (tile + 1) * QueryTile));
        for (var block = 0; block < other.Count; block += CandidateTile)
        {
            var end = Math.Min(other.Count, block + CandidateTile);
            for (var i = first; i < last; i++)
            {
                var query = _words.AsSpan(i * per, per);
                var bits = _bits[i];
                for (var j = block; j < end; j++)
                {
                    var shared = per == 16 ? Shared16(query, other._words.AsSpan(j * 16, 16)) : Shared(query, other._words.AsSpan(j * per, per));
                    var total = bits + other._bits[j];
                    if (total > 0 && 2 * shared >= threshold * total)
                    {
                        hit(i, j, shared, total);
                    }
                }
            }
        }
    }

    private static int Shared(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var shared = 0;
        for (var w = 0; w < a.Length; w++)
        {
            shared += BitOperations.PopCount(a[w] & b[w]);
        }

        return shared;
    }

    // 1,024-bit filters, unrolled: sixteen ANDs and population counts.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Shared16(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        _ = b[15]; // one bounds check for all sixteen
        return BitOperations.PopCount(a[0] & b[0]) + BitOperations.PopCount(a[1] & b[1]) + BitOperations.PopCount(a[2] & b[2]) + BitOperations.PopCount(a[3] & b[3])
            + BitOperations.PopCount(a[4] & b[4]) + BitOperations.PopCount(a[5] & b[5]) + BitOperations.PopCount(a[6] & b[6]) + BitOperations.PopCount(a[7] & b[7])
            + BitOperations.PopCount(a[8] & b[8]) + BitOperations.PopCount(a[9] & b[9]) + BitOperations.PopCount(a[10] & b[10]) + BitOperations.PopCount(a[11] & b[11])
            + BitOperations.PopCount(a[12] & b[12]) + BitOperations.PopCount(a[13] & b[13]) + BitOperations.PopCount(a[14] & b[14]) + BitOperations.PopCount(a[15] & b[15]);
    }
}
