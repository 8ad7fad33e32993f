using System.Security.Cryptography;
using NSec.Cryptography;

namespace Tessera.Governance.Keys;

/// <summary>
/// AES-256-GCM for many small values under one key: through libsodium (NSec) where the processor
/// has the AES and carry-less multiply instructions libsodium needs, otherwise through .NET's
/// <see cref="AesGcm"/>. Both are the same standard cipher with a 12-byte nonce and a 16-byte
/// tag, so a value sealed by one opens with the other.
/// </summary>
/// <remarks>
/// Why two: sealing one row's identifiers (about 150 bytes) took 1.5 µs through .NET's AesGcm on
/// the benchmark machine and 0.26 µs through libsodium. .NET's OpenSSL binding makes five calls
/// per value and clears OpenSSL's error queue in each; for an identity file that was 12% of the
/// whole ingest.
/// </remarks>
internal sealed class GcmEngine : IDisposable
{
    private readonly Key? _sodiumKey;
    private readonly AesGcm? _dotnet;

    /// <summary>A 256-bit <paramref name="key"/>; <paramref name="preferLibsodium"/> false forces .NET's implementation.</summary>
    public GcmEngine(byte[] key, bool preferLibsodium = true)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != 32)
        {
            throw new ArgumentException($"AES-256-GCM needs a 32-byte key, not {key.Length} bytes.", nameof(key));
        }

        if (preferLibsodium && UsesLibsodium)
        {
            _sodiumKey = Key.Import(AeadAlgorithm.Aes256Gcm, key, KeyBlobFormat.RawSymmetricKey);
        }
        else
        {
            _dotnet = new AesGcm(key, AuthenticatedBox.TagBytes);
        }
    }

    /// <summary>Whether libsodium's AES-256-GCM runs here: its library loads and the processor has the instructions.</summary>
    public static bool UsesLibsodium { get; } = LibsodiumRuns();

    /// <summary>Encrypts into <paramref name="ciphertextAndTag"/>: the ciphertext followed by the 16-byte tag.</summary>
    public void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertextAndTag, ReadOnlySpan<byte> associatedData)
    {
        if (_sodiumKey is not null)
        {
            AeadAlgorithm.Aes256Gcm.Encrypt(_sodiumKey, nonce, associatedData, plaintext, ciphertextAndTag);
            return;
        }

        _dotnet!.Encrypt(nonce, plaintext, ciphertextAndTag[..plaintext.Length], ciphertextAndTag.Slice(plaintext.Length, AuthenticatedBox.TagBytes), associatedData);
    }

    /// <summary>Decrypts the ciphertext-and-tag into <paramref name="plaintext"/>.</summary>
    /// <exception cref="AuthenticationTagMismatchException">Wrong key or associated data, or the value was altered.</exception>
    public void Decrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertextAndTag, Span<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        if (_sodiumKey is not null)
        {
            if (!AeadAlgorithm.Aes256Gcm.Decrypt(_sodiumKey, nonce, associatedData, ciphertextAndTag, plaintext))
            {
                throw new AuthenticationTagMismatchException();
            }

            return;
        }

        var length = ciphertextAndTag.Length - AuthenticatedBox.TagBytes;
        _dotnet!.Decrypt(nonce, ciphertextAndTag[..length], ciphertextAndTag[length..], plaintext, associatedData);
    }

    private static bool LibsodiumRuns()
    {
        try
        {
            return Aes256Gcm.IsSupported;
        }
        catch (Exception ex) when (ex is DllNotFoundException or BadImageFormatException or EntryPointNotFoundException or TypeInitializationException)
        {
            // A platform NSec ships no libsodium for: .NET's implementation serves instead.
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _sodiumKey?.Dispose();
        _dotnet?.Dispose();
    }
}
