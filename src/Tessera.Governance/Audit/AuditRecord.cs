using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tessera.Governance.Audit;

/// <summary>
/// One stored audit record: the event, its place in the log and the hash chain that makes any
/// later edit, deletion or reordering visible. Record <c>n</c> holds the hash of record <c>n-1</c>
/// in <see cref="PreviousHash"/>, and its own <see cref="Hash"/> covers every field including
/// that one, so changing anything breaks the chain from that record on.
/// </summary>
public sealed record AuditRecord(long Sequence, DateTime TimeUtc, AuditEvent Event, string PreviousHash, string Hash)
{
    /// <summary>The "previous hash" of the first record.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>Creates the record that follows <paramref name="previous"/> (null for the first).</summary>
    public static AuditRecord Next(AuditRecord? previous, DateTime timeUtc, AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var sequence = (previous?.Sequence ?? 0) + 1;
        var previousHash = previous?.Hash ?? GenesisHash;
        var time = new DateTime(timeUtc.Ticks, DateTimeKind.Utc);
        return new AuditRecord(sequence, time, auditEvent, previousHash, ComputeHash(sequence, time, auditEvent, previousHash));
    }

    /// <summary>The time as stored and hashed: ISO 8601 with 100 ns precision, UTC.</summary>
    public string TimeText => FormatTime(TimeUtc);

    /// <summary>True when <see cref="Hash"/> matches the record's content.</summary>
    public bool HashMatches => string.Equals(Hash, ComputeHash(Sequence, TimeUtc, Event, PreviousHash), StringComparison.Ordinal);

    /// <summary>Formats a time the way records store it.</summary>
    public static string FormatTime(DateTime timeUtc) => timeUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses a stored time.</summary>
    public static DateTime ParseTime(string text) =>
        DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static string ComputeHash(long sequence, DateTime timeUtc, AuditEvent e, string previousHash)
    {
        // Length-prefixed fields, so "ab"+"c" and "a"+"bc" cannot hash alike.
        var canonical = new StringBuilder();
        foreach (var field in new[] { sequence.ToString(CultureInfo.InvariantCulture), FormatTime(timeUtc), e.Actor, e.Action, e.Target, e.Purpose, e.Origin, e.Outcome.ToString(), previousHash })
        {
            canonical.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}
