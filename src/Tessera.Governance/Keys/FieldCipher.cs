using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Tessera.Governance.Keys;

/// <summary>
/// Encrypts single identifier values (a name, an SSN) with AES-256-GCM under a source's
/// <see cref="DataKey"/>. The column the value belongs to is bound as associated data, so an
/// encrypted SSN copied into the name column no longer decrypts. One instance per thread.
/// </summary>
/// <remarks>
/// Layout: version (1 byte) ‖ key id (4) ‖ nonce (12) ‖ ciphertext ‖ tag (16). Nonces are a
/// random 8-byte prefix per instance plus a 4-byte counter, so they never repeat within an
/// instance and collide across instances only if two random 64-bit prefixes do.
/// </remarks>
public sealed class FieldCipher : IDisposable
{
    private const byte Version = 1;
    private const int HeaderBytes = 1 + 4 + AuthenticatedBox.NonceBytes;
    private readonly DataKey _key;
    private readonly GcmEngine _gcm;
    private readonly byte[] _noncePrefix = new byte[8];
    private uint _counter;

    /// <summary>Creates a cipher for values of <paramref name="key"/>'s source.</summary>
    public FieldCipher(DataKey key)
        : this(key, preferLibsodium: true)
    {
    }

    /// <summary>Creates a cipher; <paramref name="preferLibsodium"/> false uses .NET's AES-GCM even where libsodium's runs.</summary>
    internal FieldCipher(DataKey key, bool preferLibsodium)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
        _gcm = new GcmEngine(key.Material, preferLibsodium);
        RandomNumberGenerator.Fill(_noncePrefix);
    }

    /// <summary>Associated data naming a column, e.g. <c>Column("benefits", "members", "ssn")</c>.</summary>
    public static byte[] Column(string source, string file, string field) => Encoding.UTF8.GetBytes(source + "." + file + "." + field);

    /// <summary>Number of bytes <see cref="Encrypt(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> returns for a plaintext of <paramref name="plaintextBytes"/>.</summary>
    public static int SealedLength(int plaintextBytes) => HeaderBytes + plaintextBytes + AuthenticatedBox.TagBytes;

    /// <summary>Encrypts UTF-8 <paramref name="plaintext"/> bound to <paramref name="column"/>.</summary>
    public byte[] Encrypt(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> column)
    {
        var sealedBytes = new byte[SealedLength(plaintext.Length)];
        sealedBytes[0] = Version;
        BinaryPrimitives.WriteInt32LittleEndian(sealedBytes.AsSpan(1, 4), _key.Id);
        var nonce = sealedBytes.AsSpan(5, AuthenticatedBox.NonceBytes);
        NextNonce(nonce);
        _gcm.Encrypt(nonce, plaintext, sealedBytes.AsSpan(HeaderBytes), column);
        return sealedBytes;
    }

    /// <summary>Encrypts <paramref name="text"/> (as UTF-8) bound to <paramref name="column"/>.</summary>
    public byte[] Encrypt(ReadOnlySpan<char> text, ReadOnlySpan<byte> column)
    {
        Span<byte> buffer = text.Length <= 256 ? stackalloc byte[text.Length * 3] : new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        var length = Encoding.UTF8.GetBytes(text, buffer);
        return Encrypt(buffer[..length], column);
    }

    /// <summary>The key id a sealed value was encrypted under.</summary>
    public static int KeyIdOf(ReadOnlySpan<byte> sealedBytes) =>
        sealedBytes.Length >= HeaderBytes && sealedBytes[0] == Version
            ? BinaryPrimitives.ReadInt32LittleEndian(sealedBytes.Slice(1, 4))
            : throw new CryptographicException("Not a Tessera encrypted value.");

    /// <summary>Decrypts a value sealed under this cipher's key and <paramref name="column"/>.</summary>
    /// <exception cref="CryptographicException">Wrong key or column, or the value was altered.</exception>
    public byte[] Decrypt(ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> column)
    {
        if (KeyIdOf(sealedBytes) != _key.Id || sealedBytes.Length < HeaderBytes + AuthenticatedBox.TagBytes)
        {
            throw new CryptographicException("The value was encrypted under another key.");
        }

        var plaintext = new byte[sealedBytes.Length - HeaderBytes - AuthenticatedBox.TagBytes];
        _gcm.Decrypt(sealedBytes.Slice(5, AuthenticatedBox.NonceBytes), sealedBytes[HeaderBytes..], plaintext, column);
        return plaintext;
    }

    /// <summary>Decrypts a value sealed under this cipher's key and <paramref name="column"/>, as text.</summary>
    /// <exception cref="CryptographicException">Wrong key or column, or the value was altered.</exception>
    public string DecryptText(ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> column)
    {
        if (KeyIdOf(sealedBytes) != _key.Id || sealedBytes.Length < HeaderBytes + AuthenticatedBox.TagBytes)
        {
            throw new CryptographicException("The value was encrypted under another key.");
        }

        var length = sealedBytes.Length - HeaderBytes - AuthenticatedBox.TagBytes;
        Span<byte> plaintext = length <= 1024 ? stackalloc byte[length] : new byte[length];
        _gcm.Decrypt(sealedBytes.Slice(5, AuthenticatedBox.NonceBytes), sealedBytes[HeaderBytes..], plaintext, column);
        return Encoding.UTF8.GetString(plaintext);
    }

    private void NextNonce(Span<byte> nonce)
    {
        if (_counter == uint.MaxValue)
        {
            RandomNumberGenerator.Fill(_noncePrefix);
            _counter = 0;
        }

        _noncePrefix.CopyTo(nonce);
        BinaryPrimitives.WriteUInt32LittleEndian(nonce[8..], _counter++);
    }

    /// <inheritdoc />
    public void Dispose() => _gcm.Dispose();
}
