using System.Security.Cryptography;
using System.Text;

namespace Tessera.Governance.Keys;

/// <summary>
/// Keyed hashes of identifiers (HMAC-SHA-256 with the workspace's index key) for the lookups that
/// need equality without decryption — "which rows have this SSN?", linkage's "same valid SSN and
/// birth date" rule. Without the key the hashes say nothing, and a guess cannot be checked against
/// them (an unkeyed hash of the 10⁹ possible SSNs would be reversed in seconds). Values are
/// normalised first, so "123-45-6789" and "123456789" index alike.
/// </summary>
public sealed class BlindIndex(DataKey key)
{
    /// <summary>The name under which the index key is stored among the data keys; not a valid source name.</summary>
    public const string KeyName = "(index)";

    /// <summary>The standard identity columns that are indexed.</summary>
    public static IReadOnlySet<string> Indexed { get; } = new HashSet<string>(["ssn", "birth_date"], StringComparer.Ordinal);

    /// <summary>The index of <paramref name="value"/> as the identity column <paramref name="identity"/> (e.g. "ssn"); null when nothing is left after normalising.</summary>
    public string? Of(string identity, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(identity);
        var normal = Normalise(identity, value);
        if (normal.Length == 0)
        {
            return null;
        }

        var hash = HMACSHA256.HashData(key.Material, Encoding.UTF8.GetBytes(identity + "|" + normal));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    private static string Normalise(string identity, string? value) => identity switch
    {
        "ssn" => new string((value ?? "").Where(char.IsAsciiDigit).ToArray()),
        _ => (value ?? "").Trim(),
    };
}
