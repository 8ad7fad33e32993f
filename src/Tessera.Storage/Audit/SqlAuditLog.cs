using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Tessera.Governance.Audit;
using Tessera.Storage.Operational;
using static Tessera.Storage.Operational.OperationalSql;

namespace Tessera.Storage.Audit;

/// <summary>
/// The audit log in the operational store (SQLite or PostgreSQL), chained with a keyed hash, with a signed
/// checkpoint per record in an <see cref="AuditCheckpointFile"/>. Appends are serialised across
/// processes — SQLite's write lock (<c>BEGIN IMMEDIATE</c>), a PostgreSQL advisory lock — so
/// the CLI and the web app can both write to one chain.
/// </summary>
public sealed class SqlAuditLog(Func<OperationalDbContext> open, Func<AuditSigner> signer, AuditCheckpointFile checkpoints, TimeProvider clock) : IAuditLog
{
    private const long AdvisoryLock = 0x7E55E7A_A0D17;

    /// <summary>Called just before a record is written; tests use it to make the write fail.</summary>
    public Action? BeforeWrite { get; init; }

    /// <inheritdoc />
    public AuditRecord Record(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        try
        {
            BeforeWrite?.Invoke();
            var keys = signer();
            var record = Append(auditEvent, keys);
            checkpoints.Append(keys.Checkpoint(record));
            return record;
        }
        catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new AuditUnavailableException($"The access was refused because its audit record could not be written ({ex.Message}). Check the workspace's disk and the file {checkpoints.Path}.", ex);
        }
    }

    private AuditRecord Append(AuditEvent auditEvent, AuditSigner keys)
    {
        using var db = open();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        var postgres = db.Database.IsNpgsql();
        // SQLite: an IMMEDIATE transaction takes the write lock before reading the last record.
        // PostgreSQL: the advisory lock serialises writers, and READ COMMITTED lets the read after
        // it see the record the previous writer just committed.
        using var transaction = connection.BeginTransaction(postgres ? IsolationLevel.ReadCommitted : IsolationLevel.Serializable);
        if (postgres)
        {
            Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLock})");
        }

        var previous = Read(connection, transaction, Table(db), $"ORDER BY sequence DESC LIMIT 1").FirstOrDefault();
        var record = AuditRecord.Next(previous, clock.GetUtcNow().UtcDateTime, auditEvent, keys);
        using (var insert = Command(connection, transaction,
            $"INSERT INTO {Table(db)} (sequence, time_utc, actor, action, target, purpose, origin, outcome, previous_hash, hash) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)",
            record.Sequence, record.TimeText, auditEvent.Actor, auditEvent.Action.Text(), auditEvent.Target, auditEvent.Purpose, auditEvent.Origin,
            auditEvent.Outcome.ToString(), record.PreviousHash, record.Hash))
        {
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return record;
    }

    /// <summary>Records in sequence order, optionally filtered (newest first when <paramref name="newestFirst"/>).</summary>
    public IReadOnlyList<AuditRecord> Records(bool newestFirst = false)
    {
        using var db = open();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        return Read(connection, null, Table(db), newestFirst ? "ORDER BY sequence DESC" : "ORDER BY sequence");
    }

    /// <inheritdoc />
    public AuditVerification Verify() => AuditVerifier.Verify(Records(), checkpoints.ReadAll(), signer());

    /// <summary>Checks the log against its checkpoint file and also against an outside copy of the checkpoints (<paramref name="outsideCopy"/>, a file kept elsewhere).</summary>
    public AuditVerification Verify(string outsideCopy) =>
        AuditVerifier.Verify(Records(), checkpoints.ReadAll(), signer(), new AuditCheckpointFile(outsideCopy).ReadAll());

    private static List<AuditRecord> Read(DbConnection connection, DbTransaction? transaction, string table, string tail)
    {
        using var command = Command(connection, transaction, $"SELECT sequence, time_utc, actor, action, target, purpose, origin, outcome, previous_hash, hash FROM {table} {tail}");
        using var reader = command.ExecuteReader();
        var records = new List<AuditRecord>();
        while (reader.Read())
        {
            // Text that names no action or outcome (an edited row) reads as one that cannot hash alike.
            var auditEvent = new AuditEvent(reader.GetString(2), AuditActions.TryParse(reader.GetString(3), out var action) ? action : (AuditAction)(-1), reader.GetString(4), reader.GetString(5), reader.GetString(6),
                Enum.TryParse<AuditOutcome>(reader.GetString(7), out var outcome) ? outcome : (AuditOutcome)(-1));
            records.Add(new AuditRecord(reader.GetInt64(0), ParseTime(reader.GetString(1)), auditEvent, reader.GetString(8), reader.GetString(9)));
        }

        return records;
    }

    // A damaged time must not stop verification; the record's hash then fails instead.
    private static DateTime ParseTime(string text)
    {
        try
        {
            return AuditRecord.ParseTime(text);
        }
        catch (FormatException)
        {
            return DateTime.MinValue;
        }
    }

    /// <summary>The audit table's qualified name in <paramref name="db"/>'s engine.</summary>
    public static string Table(OperationalDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return OperationalSql.Table(db, "audit_log");
    }
}
