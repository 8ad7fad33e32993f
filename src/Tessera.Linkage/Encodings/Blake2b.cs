using System.Buffers.Binary;
using System.Numerics;

namespace Tessera.Linkage.Encodings;

/// <summary>
/// BLAKE2b (RFC 7693) with a key and a salt, 64-byte digests: what clkhash's <c>blakeHash</c>
/// calls (<c>blake2b(token, key=key, salt=str(i))</c>). .NET has no BLAKE2, and the packages that
/// do leave the salt out, so it is written here and checked against Python's <c>hashlib</c>.
/// </summary>
internal static class Blake2b
{
    private static readonly ulong[] Iv =
    [
        0x6A09E667F3BCC908, 0xBB67AE8584CAA73B, 0x3C6EF372FE94F82B, 0xA54FF53A5F1D36F1,
        0x510E527FADE682D1, 0x9B05688C2B3E6C1F, 0x1F83D9ABFB41BD6B, 0x5BE0CD19137E2179,
    ];

    private static readonly byte[][] Sigma =
    [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
        [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
        [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
        [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
        [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
        [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
        [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
        [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
        [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
        [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
    ];

    /// <summary>The 64-byte digest of <paramref name="data"/> keyed with <paramref name="key"/> (at most 64 bytes) and salted with <paramref name="salt"/> (at most 16, zero-padded).</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data, ReadOnlySpan<byte> key, ReadOnlySpan<byte> salt)
    {
        if (key.Length > 64 || salt.Length > 16)
        {
            throw new ArgumentException("BLAKE2b takes a key of at most 64 bytes and a salt of at most 16.");
        }

        Span<ulong> h = stackalloc ulong[8];
        Iv.CopyTo(h);
        h[0] ^= 0x01010000UL ^ ((ulong)key.Length << 8) ^ 64UL;
        Span<byte> paddedSalt = stackalloc byte[16];
        salt.CopyTo(paddedSalt);
        h[4] ^= BinaryPrimitives.ReadUInt64LittleEndian(paddedSalt);
        h[5] ^= BinaryPrimitives.ReadUInt64LittleEndian(paddedSalt[8..]);

        // The key is the first block, padded; then the data, block by block, the last one flagged final.
        var total = key.Length > 0 ? 128 + data.Length : data.Length;
        var message = new byte[Math.Max(128, (total + 127) / 128 * 128)];
        key.CopyTo(message);
        data.CopyTo(message.AsSpan(key.Length > 0 ? 128 : 0));
        var blocks = message.Length / 128;
        for (var b = 0; b < blocks; b++)
        {
            var last = b == blocks - 1;
            Compress(h, message.AsSpan(b * 128, 128), last ? (ulong)total : (ulong)(b + 1) * 128, last);
        }

        var digest = new byte[64];
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(digest.AsSpan(i * 8), h[i]);
        }

        return digest;
    }

    private static void Compress(Span<ulong> h, ReadOnlySpan<byte> block, ulong counter, bool last)
    {
        Span<ulong> m = stackalloc ulong[16];
        for (var i = 0; i < 16; i++)
        {
            m[i] = BinaryPrimitives.ReadUInt64LittleEndian(block[(i * 8)..]);
        }

        Span<ulong> v = stackalloc ulong[16];
        h.CopyTo(v);
        Iv.CopyTo(v[8..]);
        v[12] ^= counter;
        if (last)
        {
            v[14] = ~v[14];
        }

        for (var round = 0; round < 12; round++)
        {
            var s = Sigma[round % 10];
            Mix(v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
            Mix(v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
            Mix(v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
            Mix(v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
            Mix(v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
            Mix(v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
            Mix(v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
            Mix(v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
        }

        for (var i = 0; i < 8; i++)
        {
            h[i] ^= v[i] ^ v[i + 8];
        }
    }

    private static void Mix(Span<ulong> v, int a, int b, int c, int d, ulong x, ulong y)
    {
        v[a] = v[a] + v[b] + x;
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 32);
        v[c] += v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 24);
        v[a] = v[a] + v[b] + y;
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 16);
        v[c] += v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 63);
    }
}
