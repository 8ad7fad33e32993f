using System.Security.Cryptography;
using System.Text;

namespace Tessera.Tests;

/// <summary>
/// Encodes a value the way an agency-side PPRL encoder does, for tests: the lower-cased value's
/// bigrams (padded with a space each side), each setting 20 bits of a 1,024-bit filter by double
/// hashing with HMAC-SHA256 under a shared secret; base64. Not clkhash's exact scheme — the
/// linker only needs filters of one encoding to compare.
/// </summary>
internal static class TestBloomFilters
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("test-secret");

    public static string Encode(string value)
    {
        var text = value.Trim().ToLowerInvariant();
        if (text.Length == 0)
        {
            return string.Empty;
        }

        var bits = new byte[128];
        var padded = " " + text + " ";
        for (var g = 0; g + 1 < padded.Length; g++)
        {
            var digest = HMACSHA256.HashData(Secret, Encoding.UTF8.GetBytes(padded.Substring(g, 2)));
            var h1 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(digest);
            var h2 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(digest.AsSpan(8)) | 1;
            for (ulong k = 0; k < 20; k++)
            {
                var bit = (int)((h1 + (k * h2)) % 1024);
                bits[bit / 8] |= (byte)(0x80 >> (bit % 8));
            }
        }

        return Convert.ToBase64String(bits);
    }
}
