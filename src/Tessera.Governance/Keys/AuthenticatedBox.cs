using System.Security.Cryptography;

namespace Tessera.Governance.Keys;

/// <summary>AES-256-GCM with a random nonce, laid out as nonce ‖ ciphertext ‖ tag; for small, rare payloads such as wrapped keys.</summary>
internal static class AuthenticatedBox
{
    public const int NonceBytes = 12;
    public const int TagBytes = 16;

    public static byte[] Seal(byte[] key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var sealedBytes = new byte[NonceBytes + plaintext.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceBytes, plaintext.Length), sealedBytes.AsSpan(NonceBytes + plaintext.Length), associatedData);
        return sealedBytes;
    }

    public static byte[] Open(byte[] key, ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> associatedData)
    {
        if (sealedBytes.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("Sealed value is too short.");
        }

        var length = sealedBytes.Length - NonceBytes - TagBytes;
        var plaintext = new byte[length];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(sealedBytes[..NonceBytes], sealedBytes.Slice(NonceBytes, length), sealedBytes[(NonceBytes + length)..], plaintext, associatedData);
        return plaintext;
    }
}
