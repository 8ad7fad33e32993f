using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tessera.Governance.Audit;

/// <summary>
/// One stored audit record: the event, its place in the log and the chain that makes any later
/// edit, deletion or reordering visible. Record <c>n</c> holds the hash of record <c>n-1</c> in
/// <see cref="PreviousHash"/>, and its own <see cref="Hash"/> covers every field including that
/// one, so changing anything breaks the chain from that record on. The hash is keyed
/// (HMAC-SHA-256 with the workspace's audit key, <see cref="AuditSigner"/>): someone who can edit
/// the database but has no master key cannot compute the chain of a record they rewrote.
/// </summary>
public sealed record AuditRecord(long Sequence, DateTime TimeUtc, AuditEvent Event, string PreviousHash, string Hash)
{
    /// <summary>The "previous hash" of the first record.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>Creates the record that follows <paramref name="previous"/> (null for the first), chained with <paramref name="signer"/>'s key.</summary>
    public static AuditRecord Next(AuditRecord? previous, DateTime timeUtc, AuditEvent auditEvent, AuditSigner signer)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        ArgumentNullException.ThrowIfNull(signer);
        var sequence = (previous?.Sequence ?? 0) + 1;
        var previousHash = previous?.Hash ?? GenesisHash;
        var time = new DateTime(timeUtc.Ticks, DateTimeKind.Utc);
        return new AuditRecord(sequence, time, auditEvent, previousHash, signer.ChainHash(Canonical(sequence, time, auditEvent, previousHash)));
    }

    /// <summary>The time as stored and hashed: ISO 8601 with 100 ns precision, UTC.</summary>
    public string TimeText => FormatTime(TimeUtc);

    /// <summary>The bytes the hash covers: every field, length-prefixed so "ab"+"c" and "a"+"bc" cannot hash alike.</summary>
    public byte[] CanonicalBytes => Canonical(Sequence, TimeUtc, Event, PreviousHash);

    /// <summary>
    /// True when <see cref="Hash"/> is the plain SHA-256 of the record, as records written before
    /// the chain was keyed (December 2026) are; the verifier accepts such records only before the
    /// first keyed one.
    /// </summary>
    public bool HasUnkeyedHash => string.Equals(Hash, Convert.ToHexStringLower(SHA256.HashData(CanonicalBytes)), StringComparison.Ordinal);

    /// <summary>Formats a time the way records store it.</summary>
    public static string FormatTime(DateTime timeUtc) => timeUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses a stored time.</summary>
    public static DateTime ParseTime(string text) =>
        DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static byte[] Canonical(long sequence, DateTime timeUtc, AuditEvent e, string previousHash)
    {
        var canonical = new StringBuilder();
        foreach (var field in new[] { sequence.ToString(CultureInfo.InvariantCulture), FormatTime(timeUtc), e.Actor, e.Action.Text(), e.Target, e.Purpose, e.Origin, e.Outcome.ToString(), previousHash })
        {
            canonical.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Encoding.UTF8.GetBytes(canonical.ToString());
    }
}
