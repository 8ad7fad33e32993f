using System.Globalization;

namespace Tessera.Governance.Audit;

/// <summary>
/// Walks the audit log in sequence order and compares it with the signed checkpoints. It names
/// the first bad position: an edited record fails its own hash; a deleted or moved record leaves
/// the wrong record (or a gap) at its place in the chain; a log cut short is caught by a
/// checkpoint that names a record no longer there.
/// </summary>
public static class AuditVerifier
{
    /// <summary>Checks <paramref name="records"/> (in stored sequence order) against <paramref name="checkpoints"/>.</summary>
    public static AuditVerification Verify(IEnumerable<AuditRecord> records, IReadOnlyList<AuditCheckpoint?> checkpoints, AuditSigner signer)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(checkpoints);
        ArgumentNullException.ThrowIfNull(signer);
        long? firstBad = null;
        string? problem = null;
        void Bad(long position, string why)
        {
            if (firstBad is null || position < firstBad)
            {
                firstBad = position;
                problem = why;
            }
        }

        var hashes = new Dictionary<long, string>();
        var previousHash = AuditRecord.GenesisHash;
        long expected = 1;
        foreach (var record in records)
        {
            if (firstBad is null)
            {
                if (record.Sequence != expected)
                {
                    Bad(expected, string.Create(CultureInfo.InvariantCulture, $"record {expected} is missing or out of place (found record {record.Sequence} there)"));
                }
                else if (!string.Equals(record.PreviousHash, previousHash, StringComparison.Ordinal))
                {
                    Bad(expected, "the record does not follow the one before it (a record was removed, inserted or moved)");
                }
                else if (!record.HashMatches)
                {
                    Bad(expected, "the record's content was changed after it was written");
                }
            }

            hashes[record.Sequence] = record.Hash;
            previousHash = record.Hash;
            expected++;
        }

        var last = expected - 1;
        for (var line = 0; line < checkpoints.Count; line++)
        {
            var checkpoint = checkpoints[line];
            if (checkpoint is null || !signer.IsGenuine(checkpoint))
            {
                Bad(checkpoint?.Sequence ?? 1, string.Create(CultureInfo.InvariantCulture, $"checkpoint line {line + 1} is damaged or not signed with this workspace's audit key"));
            }
            else if (checkpoint.Sequence > last)
            {
                Bad(last + 1, string.Create(CultureInfo.InvariantCulture, $"the log ends at record {last}, but a checkpoint shows record {checkpoint.Sequence} was written (records were cut off)"));
            }
            else if (!hashes.TryGetValue(checkpoint.Sequence, out var hash) || !string.Equals(hash, checkpoint.Hash, StringComparison.Ordinal))
            {
                Bad(checkpoint.Sequence, "the record differs from its signed checkpoint");
            }
        }

        return new AuditVerification(last, checkpoints.Count, firstBad, problem);
    }
}
