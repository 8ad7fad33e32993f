using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tessera.Governance.Keys;

namespace Tessera.Governance.Audit;

/// <summary>
/// Keys the audit log with the workspace's audit key (HMAC-SHA-256): each record's chain hash and
/// each signed checkpoint. The audit key is a data key wrapped by the master key like any
/// source's, so rotating the master key keeps old records and checkpoints valid, and someone who
/// can edit the database and the checkpoint file but has no master key can neither rechain a
/// rewritten record nor sign a forged checkpoint.
/// </summary>
public sealed class AuditSigner(DataKey key)
{
    /// <summary>The name under which the audit key is stored among the data keys; not a valid source name.</summary>
    public const string KeyName = "(audit)";

    // Domain separation: a chain hash can never pass for a checkpoint signature or the reverse.
    private static readonly byte[] ChainDomain = "tessera audit chain v1\n"u8.ToArray();

    /// <summary>The keyed chain hash of a record's canonical bytes (<see cref="AuditRecord.CanonicalBytes"/>).</summary>
    public string ChainHash(ReadOnlySpan<byte> canonical)
    {
        var input = new byte[ChainDomain.Length + canonical.Length];
        ChainDomain.CopyTo(input, 0);
        canonical.CopyTo(input.AsSpan(ChainDomain.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key.Material, input));
    }

    /// <summary>True when <paramref name="record"/>'s hash is its keyed chain hash.</summary>
    public bool IsChained(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(ChainHash(record.CanonicalBytes)), Encoding.ASCII.GetBytes(record.Hash));
    }

    /// <summary>A signed checkpoint for <paramref name="record"/>.</summary>
    public AuditCheckpoint Checkpoint(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new AuditCheckpoint(record.Sequence, record.Hash, Sign(record.Sequence, record.Hash));
    }

    /// <summary>True when <paramref name="checkpoint"/> was signed with this key.</summary>
    public bool IsGenuine(AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var expected = Encoding.ASCII.GetBytes(Sign(checkpoint.Sequence, checkpoint.Hash));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(checkpoint.Signature));
    }

    private string Sign(long sequence, string hash) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key.Material, Encoding.UTF8.GetBytes(sequence.ToString(CultureInfo.InvariantCulture) + " " + hash)));
}
