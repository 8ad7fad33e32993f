using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tessera.Governance.Keys;

namespace Tessera.Governance.Audit;

/// <summary>
/// Signs checkpoints with the workspace's audit key (HMAC-SHA-256). The audit key is a data key
/// wrapped by the master key like any source's, so rotating the master key keeps old checkpoints
/// valid, and someone who can edit the database but has no master key cannot forge one.
/// </summary>
public sealed class AuditSigner(DataKey key)
{
    /// <summary>The name under which the audit key is stored among the data keys; not a valid source name.</summary>
    public const string KeyName = "(audit)";

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
