using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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
    /// <exception cref="DeliveryRejectedException">
    /// The file is empty, is UTF-16/UTF-32 or binary where text is expected, or mixes UTF-8 with
    /// bytes that are not UTF-8.
    /// </exception>
    public static FileScan Of(DeliveryFile file, Stream? copy = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var stream = file.Open();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        var carry = 0;
        long total = 0;
        var checkText = !file.IsParquet;
        var text = new TextCheck();
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

            var offset = total - carry;
            total += read;
            if (!checkText)
            {
                carry = 0;
                continue;
            }

            // The last sequence of a chunk may be cut; it is checked with the next chunk.
            var complete = read == 0 ? length : CompleteUtf8Prefix(chunk);
            text.Add(chunk[..complete], offset);
            if (text.IsMixed)
            {
                throw new DeliveryRejectedException(string.Create(CultureInfo.InvariantCulture,
                    $"{file.DisplayPath} mixes UTF-8 with bytes that are not UTF-8 (the first at byte offset {text.FirstInvalid:N0}, on line {LineOf(file, text.FirstInvalid!.Value):N0}): it was probably pasted together from files saved in different encodings, and its names would be read garbled. Save the whole file as CSV UTF-8."));
            }

            carry = length - complete;
            chunk[complete..].CopyTo(buffer);
            if (read == 0)
            {
                break;
            }
        }

        if (total == 0)
        {
            throw new DeliveryRejectedException($"{file.DisplayPath} is empty (0 bytes); expected at least a header row.");
        }

        var encoding = !checkText ? TextEncodingKind.Binary
            : text.FirstInvalid is not null ? TextEncodingKind.Latin1
            : StartsWithUtf8Bom(file) ? TextEncodingKind.Utf8WithBom
            : TextEncodingKind.Utf8;
        return new FileScan(Convert.ToHexStringLower(hash.GetHashAndReset()), total, encoding);
    }

    /// <summary>The 1-based line holding byte <paramref name="offset"/> (read again: only a rejected file needs it).</summary>
    private static long LineOf(DeliveryFile file, long offset)
    {
        using var stream = file.Open();
        var buffer = new byte[1 << 16];
        long line = 1, position = 0;
        int read;
        while (position < offset && (read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, offset - position))) > 0)
        {
            line += buffer.AsSpan(0, read).Count((byte)'\n');
            position += read;
        }

        return line;
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

    /// <summary>
    /// Whether a file is UTF-8, Latin-1, or a mix of both. Latin-1 (Windows-1252) files from older
    /// systems are read as such; a file holding both well-formed multi-byte UTF-8 and bytes that
    /// are not UTF-8 was stitched together from two encodings, and either reading garbles names.
    /// </summary>
    private sealed class TextCheck
    {
        private char[] _chars = [];

        /// <summary>Offset of the first byte that is not UTF-8, if any.</summary>
        public long? FirstInvalid { get; private set; }

        /// <summary>True once a well-formed multi-byte UTF-8 sequence was seen.</summary>
        public bool SawMultibyte { get; private set; }

        public bool IsMixed => SawMultibyte && FirstInvalid is not null;

        public void Add(ReadOnlySpan<byte> bytes, long offset)
        {
            if (Ascii.IsValid(bytes) || (SawMultibyte && FirstInvalid is not null))
            {
                return;
            }

            if (Utf8.IsValid(bytes))
            {
                SawMultibyte = true;
                return;
            }

            // Walk the valid stretches between invalid bytes: a stretch that decodes to fewer
            // characters than it has bytes holds a multi-byte sequence.
            if (_chars.Length < bytes.Length)
            {
                _chars = new char[bytes.Length];
            }

            var position = 0;
            while (position < bytes.Length)
            {
                var status = Utf8.ToUtf16(bytes[position..], _chars, out var consumed, out var written, replaceInvalidSequences: false, isFinalBlock: true);
                SawMultibyte |= written < consumed;
                position += consumed;
                if (status == System.Buffers.OperationStatus.InvalidData)
                {
                    FirstInvalid ??= offset + position;
                    position++;
                }
                else
                {
                    break;
                }
            }
        }
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
