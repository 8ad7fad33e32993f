using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Tessera.Governance.Keys;

/// <summary>
/// Encrypts whole files (raw deliveries kept for reprocessing) in 1 MiB AES-256-GCM chunks.
/// Each chunk's nonce carries its number and a last-chunk flag, so reordered, dropped or
/// truncated chunks fail to decrypt instead of yielding a silently shortened file.
/// </summary>
public static class EncryptedFile
{
    private const int ChunkBytes = 1 << 20;
    private static readonly byte[] Magic = "TSRAW001"u8.ToArray();

    /// <summary>Copies <paramref name="plaintext"/> into <paramref name="destination"/> encrypted; <paramref name="context"/> (e.g. "benefits/42/members.csv") is bound to every chunk.</summary>
    public static void Encrypt(Stream plaintext, Stream destination, DataKey key, string context)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(key);
        var aad = Encoding.UTF8.GetBytes(context);
        var prefix = RandomNumberGenerator.GetBytes(7);
        Span<byte> header = stackalloc byte[8 + 4 + 7];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], key.Id);
        prefix.CopyTo(header[12..]);
        destination.Write(header);

        using var aes = new AesGcm(key.Material, 16);
        var current = new byte[ChunkBytes];
        var next = new byte[ChunkBytes];
        var cipher = new byte[ChunkBytes];
        var tag = new byte[16];
        var nonce = new byte[12];
        var length = new byte[4];
        var currentLength = ReadFull(plaintext, current);
        uint index = 0;
        while (true)
        {
            var nextLength = currentLength == ChunkBytes ? ReadFull(plaintext, next) : 0;
            var last = nextLength == 0;
            ChunkNonce(prefix, index, last, nonce);
            aes.Encrypt(nonce, current.AsSpan(0, currentLength), cipher.AsSpan(0, currentLength), tag, aad);
            BinaryPrimitives.WriteInt32LittleEndian(length, currentLength);
            destination.Write(length);
            destination.Write(cipher, 0, currentLength);
            destination.Write(tag);
            if (last)
            {
                return;
            }

            (current, next) = (next, current);
            currentLength = nextLength;
            index++;
        }
    }

    /// <summary>Decrypts a file written by <see cref="Encrypt"/> into <paramref name="destination"/>.</summary>
    /// <exception cref="CryptographicException">Wrong key or context, or the file was altered or truncated.</exception>
    public static void Decrypt(Stream encrypted, Stream destination, DataKey key, string context)
    {
        ArgumentNullException.ThrowIfNull(encrypted);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(key);
        var aad = Encoding.UTF8.GetBytes(context);
        var header = new byte[19];
        if (ReadFull(encrypted, header) != header.Length || !header.AsSpan(0, 8).SequenceEqual(Magic))
        {
            throw new CryptographicException("Not a Tessera encrypted file.");
        }

        if (BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(8)) != key.Id)
        {
            throw new CryptographicException("The file was encrypted under another key.");
        }

        var prefix = header.AsSpan(12, 7).ToArray();
        using var aes = new AesGcm(key.Material, 16);
        var cipher = new byte[ChunkBytes];
        var plain = new byte[ChunkBytes];
        var tag = new byte[16];
        var nonce = new byte[12];
        var lengthBytes = new byte[4];
        if (ReadFull(encrypted, lengthBytes) != 4)
        {
            throw new CryptographicException("The encrypted file is truncated.");
        }

        for (uint index = 0; ; index++)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(lengthBytes);
            if (length is < 0 or > ChunkBytes || ReadFull(encrypted, cipher.AsSpan(0, length)) != length || ReadFull(encrypted, tag) != 16)
            {
                throw new CryptographicException("The encrypted file is truncated or damaged.");
            }

            var more = ReadFull(encrypted, lengthBytes);
            if (more is not 0 and not 4)
            {
                throw new CryptographicException("The encrypted file is damaged.");
            }

            ChunkNonce(prefix, index, last: more == 0, nonce);
            aes.Decrypt(nonce, cipher.AsSpan(0, length), tag, plain.AsSpan(0, length), aad);
            destination.Write(plain, 0, length);
            if (more == 0)
            {
                return;
            }
        }
    }

    private static void ChunkNonce(byte[] prefix, uint index, bool last, byte[] nonce)
    {
        prefix.CopyTo(nonce, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(nonce.AsSpan(7), index);
        nonce[11] = last ? (byte)1 : (byte)0;
    }

    private static int ReadFull(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer[total..]);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
