using System.Globalization;

namespace Tessera.Governance.Audit;

/// <summary>
/// Walks the audit log in sequence order and compares it with the signed checkpoints. It names
/// the first bad position: an edited record fails its keyed hash; a deleted or moved record leaves
/// the wrong record (or a gap) at its place in the chain; a log cut short is caught by a
/// checkpoint that names a record no longer there; a checkpoint file cut short is caught because
/// every record but the last must have a checkpoint at or after it.
/// </summary>
public static class AuditVerifier
{
    /// <summary>
    /// Checks <paramref name="records"/> (in stored sequence order) against the workspace's
    /// <paramref name="checkpoints"/> and, when given, an <paramref name="outsideCopy"/> of them kept
    /// elsewhere (which may be older, so it need not reach the last record).
    /// </summary>
    public static AuditVerification Verify(IEnumerable<AuditRecord> records, IReadOnlyList<AuditCheckpoint?> checkpoints, AuditSigner signer, IReadOnlyList<AuditCheckpoint?>? outsideCopy = null)
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
        var keyed = false;
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
                else if (signer.IsChained(record))
                {
                    keyed = true;
                }
                else if (keyed && record.HasUnkeyedHash)
                {
                    // Records written before the chain was keyed come first; an unkeyed one after a keyed one was rechained by hand.
                    Bad(expected, "the record was changed and its chain recomputed without the workspace's audit key");
                }
                else if (keyed || !record.HasUnkeyedHash)
                {
                    Bad(expected, "the record's content was changed after it was written");
                }
            }

            hashes[record.Sequence] = record.Hash;
            previousHash = record.Hash;
            expected++;
        }

        var last = expected - 1;
        long lastCheckpointed = 0;
        void Check(IReadOnlyList<AuditCheckpoint?> lines, string file)
        {
            for (var line = 0; line < lines.Count; line++)
            {
                var checkpoint = lines[line];
                if (checkpoint is null || !signer.IsGenuine(checkpoint))
                {
                    Bad(checkpoint?.Sequence ?? 1, string.Create(CultureInfo.InvariantCulture, $"line {line + 1} of {file} is damaged or not signed with this workspace's audit key"));
                }
                else if (checkpoint.Sequence > last)
                {
                    Bad(last + 1, string.Create(CultureInfo.InvariantCulture, $"the log ends at record {last}, but {file} shows record {checkpoint.Sequence} was written (records were cut off)"));
                }
                else if (!hashes.TryGetValue(checkpoint.Sequence, out var hash) || !string.Equals(hash, checkpoint.Hash, StringComparison.Ordinal))
                {
                    Bad(checkpoint.Sequence, $"the record differs from its signed checkpoint in {file}");
                }
            }
        }

        Check(checkpoints, "the checkpoint file");
        foreach (var checkpoint in checkpoints)
        {
            if (checkpoint is not null && signer.IsGenuine(checkpoint))
            {
                lastCheckpointed = Math.Max(lastCheckpointed, checkpoint.Sequence);
            }
        }

        // A checkpoint is written just after its record, so only the last record may lack one (a crash in between).
        if (lastCheckpointed < last - 1)
        {
            Bad(lastCheckpointed + 1, string.Create(CultureInfo.InvariantCulture,
                $"records {lastCheckpointed + 1} to {last} have no signed checkpoint (the checkpoint file was cut short or replaced)"));
        }

        if (outsideCopy is not null)
        {
            Check(outsideCopy, "the outside copy of the checkpoints");
        }

        return new AuditVerification(last, checkpoints.Count, firstBad, problem);
    }
}
