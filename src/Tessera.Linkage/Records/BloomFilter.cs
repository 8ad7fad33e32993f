using System.Buffers.Binary;
using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Tessera.Linkage.Records;

/// <summary>
/// A keyed Bloom filter as an agency delivers it (base64, the way clkhash writes a CLK), held as
/// 64-bit words so that comparing two costs a few population counts: two 1,024-bit filters are
/// sixteen words. The hub never learns the values behind the bits; how alike two filters are
/// (Dice) says how alike the values were.
/// </summary>
internal sealed class BloomFilter
{
    /// <summary>Largest filter accepted, in bytes (8,192 bits); clkhash's default is 128.</summary>
    public const int MaxBytes = 1024;

    private readonly ulong[] _words;

    private BloomFilter(ulong[] words, int bytes)
    {
        _words = words;
        Bytes = bytes;
        foreach (var word in words)
        {
            BitsSet += BitOperations.PopCount(word);
        }

        Fingerprint = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(words.AsSpan())).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A hash of the bits: equal for identical filters, so exact blocking rules can key on encoded values.</summary>
    public string Fingerprint { get; }

    /// <summary>Length in bytes as delivered (128 for a 1,024-bit CLK).</summary>
    public int Bytes { get; }

    /// <summary>How many bits are set.</summary>
    public int BitsSet { get; }

    /// <summary>
    /// Reads a base64 filter; false when <paramref name="text"/> is not base64, is longer than
    /// <see cref="MaxBytes"/>, or has no bit set (an encoder writes that for an empty value).
    /// </summary>
    public static bool TryParse(string? text, out BloomFilter? filter)
    {
        filter = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[MaxBytes];
        if (!Convert.TryFromBase64String(text.Trim(), bytes, out var length) || length == 0)
        {
            return false;
        }

        var words = new ulong[(length + 7) / 8];
        bytes[length..(words.Length * 8)].Clear();
        for (var w = 0; w < words.Length; w++)
        {
            words[w] = BinaryPrimitives.ReadUInt64BigEndian(bytes.Slice(w * 8, 8));
        }

        var parsed = new BloomFilter(words, length);
        filter = parsed.BitsSet > 0 ? parsed : null;
        return filter is not null;
    }

    /// <summary>The length in bytes of the base64 filter in <paramref name="text"/>; -1 when it is not base64 or longer than <see cref="MaxBytes"/>.</summary>
    public static int LengthOf(string text)
    {
        Span<byte> bytes = stackalloc byte[MaxBytes];
        return Convert.TryFromBase64String(text.Trim(), bytes, out var length) && length > 0 ? length : -1;
    }

    /// <summary>
    /// Dice similarity, 2·|A∩B| / (|A| + |B|): 1 for identical filters, about 0.5 for unrelated
    /// 1,024-bit CLKs half full. Filters of different lengths come from different encodings and
    /// share nothing (0).
    /// </summary>
    public double Dice(BloomFilter other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Bytes != Bytes)
        {
            return 0;
        }

        var shared = 0;
        var a = _words;
        var b = other._words;
        for (var w = 0; w < a.Length; w++)
        {
            shared += BitOperations.PopCount(a[w] & b[w]);
        }

        return 2.0 * shared / (BitsSet + other.BitsSet);
    }

    /// <summary>True when every bit of the two filters agrees.</summary>
    public bool SameAs(BloomFilter other) => other.Bytes == Bytes && other.BitsSet == BitsSet && _words.AsSpan().SequenceEqual(other._words);

    /// <summary>
    /// The smallest rank <paramref name="ranks"/> gives any set bit (a MinHash): two filters get
    /// the same one with probability equal to their Jaccard similarity, so a misspelt name's
    /// filter, which shares most bits with the right one, often gets the same.
    /// </summary>
    public int MinHash(ReadOnlySpan<int> ranks)
    {
        var least = int.MaxValue;
        for (var w = 0; w < _words.Length; w++)
        {
            var word = _words[w];
            while (word != 0)
            {
                var first = BitOperations.LeadingZeroCount(word);
                var position = (w << 6) + first;
                word &= ~(1UL << (63 - first));
                if (position < ranks.Length && ranks[position] < least)
                {
                    least = ranks[position];
                }
            }
        }

        return least == int.MaxValue ? -1 : least;
    }

    /// <summary>Adds one to <paramref name="counts"/> at each of the filter's set bits.</summary>
    public void CountBits(int[] counts)
    {
        for (var w = 0; w < _words.Length; w++)
        {
            var word = _words[w];
            while (word != 0)
            {
                var first = BitOperations.LeadingZeroCount(word);
                word &= ~(1UL << (63 - first));
                counts[(w << 6) + first]++;
            }
        }
    }

    /// <summary>
    /// The bits at <paramref name="positions"/> packed into a number: filters of one person agree on
    /// most bits, so records whose sampled bits are all equal are worth comparing (bit-sampling
    /// locality-sensitive hashing). Positions beyond the filter read as 0.
    /// </summary>
    public ulong Sample(ReadOnlySpan<int> positions)
    {
        ulong key = 0;
        foreach (var position in positions)
        {
            var w = position >> 6;
            var bit = w < _words.Length ? (_words[w] >> (63 - (position & 63))) & 1 : 0;
            key = (key << 1) | bit;
        }

        return key;
    }
}
