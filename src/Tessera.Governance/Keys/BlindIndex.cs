using System.Security.Cryptography;
using System.Text;

namespace Tessera.Governance.Keys;

/// <summary>
/// Keyed hashes of identifiers (HMAC-SHA-256 with the workspace's index key) for the lookups that
/// need equality without decryption — "which rows have this SSN?", linkage's "same valid SSN and
/// birth date" rule. Without the key the hashes say nothing, and a guess cannot be checked against
/// them (an unkeyed hash of the 10⁹ possible SSNs would be reversed in seconds). Values are
/// normalised first, so "123-45-6789" and "123456789" index alike. Safe to use from several
/// threads (intake's storing threads compute them for every row).
/// </summary>
public sealed class BlindIndex(DataKey key) : IDisposable
{
    /// <summary>The name under which the index key is stored among the data keys; not a valid source name.</summary>
    public const string KeyName = "(index)";

    // One HMAC per thread: its key schedule is computed once, not for every value.
    private readonly ThreadLocal<HMACSHA256> _hmac = new(() => new HMACSHA256(key.Material), trackAllValues: true);
    private bool _disposed;

    /// <summary>The standard identity columns that are indexed.</summary>
    public static IReadOnlySet<string> Indexed { get; } = new HashSet<string>(["ssn", "birth_date"], StringComparer.Ordinal);

    /// <summary>
    /// The index of <paramref name="value"/> as the identity column <paramref name="identity"/>
    /// (e.g. "ssn"): the first 64 bits of the keyed hash — a number, so the vault stores and joins
    /// it cheaply; two different values share one with odds of about 1 in 10¹² among ten million
    /// rows, and a lookup confirms against the decrypted value where that matters. Null when nothing
    /// is left after normalising.
    /// </summary>
    public long? Of(string identity, string? value) => Of(identity, (value ?? "").AsSpan());

    /// <inheritdoc cref="Of(string, string?)"/>
    public long? Of(string identity, ReadOnlySpan<char> value)
    {
        ArgumentException.ThrowIfNullOrEmpty(identity);
        var text = value.Trim();
        Span<char> normal = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
        var count = 0;
        var digitsOnly = identity == "ssn";
        foreach (var c in text)
        {
            if (!digitsOnly || char.IsAsciiDigit(c))
            {
                normal[count++] = c;
            }
        }

        if (count == 0)
        {
            return null;
        }

        var size = identity.Length + 1 + Encoding.UTF8.GetMaxByteCount(count);
        Span<byte> input = size <= 512 ? stackalloc byte[size] : new byte[size];
        var length = Encoding.UTF8.GetBytes(identity, input);
        input[length++] = (byte)'|';
        length += Encoding.UTF8.GetBytes(normal[..count], input[length..]);
        Span<byte> hash = stackalloc byte[32];
        _hmac.Value!.TryComputeHash(input[..length], hash, out _);
        return System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(hash);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var hmac in _hmac.Values)
        {
            hmac.Dispose();
        }

        _hmac.Dispose();
    }
}
