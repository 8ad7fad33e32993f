using System.Security.Cryptography;
using System.Text.Unicode;

namespace Tessera.Intake.Reading;

/// <summary>
/// The first pass over a delivered file: its SHA-256 (so a re-sent file is recognised), its
/// encoding, and checks that it is text at all. The bytes read can be copied on the way (to
/// keep an encrypted raw copy) so the file is read only once for all three.
/// </summary>
public sealed record FileScan(string Sha256, long Bytes, TextEncodingKind Encoding)
{
    /// <summary>Scans <paramref name="file"/>, copying its bytes into <paramref name="copy"/> when given.</summary>
    /// <exception cref="DeliveryRejectedException">The file is empty, or is UTF-16/UTF-32 or binary where text is expected.</exception>
    public static FileScan Of(DeliveryFile file, Stream? copy = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var stream = file.Open();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        var carry = 0;
        long total = 0;
        var validUtf8 = true;
        var checkText = !file.IsParquet;
        int read;
        while ((read = stream.Read(buffer, carry, buffer.Length - carry)) > 0 || carry > 0)
        {
            var length = carry + read;
            var chunk = buffer.AsSpan(0, length);
            if (total == 0 && checkText)
            {
                RejectWideEncodings(file, chunk);
            }

            var fresh = chunk[carry..];
            hash.AppendData(fresh);
            copy?.Write(fresh);
            if (checkText && fresh.Contains((byte)0))
            {
                throw new DeliveryRejectedException($"{file.DisplayPath} contains NUL bytes, so it is not a text (CSV) file; it may be UTF-16 without a byte-order mark or a binary file. Save it as CSV in UTF-8.");
            }

            total += read;
            if (read == 0)
            {
                validUtf8 &= Utf8.IsValid(chunk);
                break;
            }

            if (validUtf8 && checkText)
            {
                var complete = CompleteUtf8Prefix(chunk);
                validUtf8 = Utf8.IsValid(chunk[..complete]);
                carry = length - complete;
                chunk[complete..].CopyTo(buffer);
            }
            else
            {
                carry = 0;
            }
        }

        if (total == 0)
        {
            throw new DeliveryRejectedException($"{file.DisplayPath} is empty (0 bytes); expected at least a header row.");
        }

        var encoding = !checkText ? TextEncodingKind.Binary
            : !validUtf8 ? TextEncodingKind.Latin1
            : StartsWithUtf8Bom(file) ? TextEncodingKind.Utf8WithBom
            : TextEncodingKind.Utf8;
        return new FileScan(Convert.ToHexStringLower(hash.GetHashAndReset()), total, encoding);
    }

    private static void RejectWideEncodings(DeliveryFile file, ReadOnlySpan<byte> start)
    {
        var kind = start switch
        {
            [0xFF, 0xFE, 0, 0, ..] or [0, 0, 0xFE, 0xFF, ..] => "UTF-32",
            [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] => "UTF-16",
            _ => null,
        };
        if (kind is not null)
        {
            throw new DeliveryRejectedException($"{file.DisplayPath} is saved as {kind} (it starts with a {kind} byte-order mark); expected UTF-8 or Latin-1. In Excel choose \"CSV UTF-8\" when saving.");
        }
    }

    private static bool StartsWithUtf8Bom(DeliveryFile file)
    {
        Span<byte> start = stackalloc byte[3];
        using var stream = file.Open();
        return stream.ReadAtLeast(start, 3, throwOnEndOfStream: false) == 3 && start is [0xEF, 0xBB, 0xBF];
    }

    private static int CompleteUtf8Prefix(ReadOnlySpan<byte> chunk)
    {
        // Step back over at most three continuation bytes to the start of a possibly cut sequence.
        var end = chunk.Length;
        for (var back = 1; back <= 3 && back <= chunk.Length; back++)
        {
            var b = chunk[^back];
            if ((b & 0xC0) != 0x80)
            {
                return (b & 0x80) == 0 ? end : end - back;
            }
        }

        return end;
    }
}
