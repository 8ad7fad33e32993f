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
/// the CLI and the web app can both write to one chain. Within one process, records that arrive
/// while another is being written wait and are then written together, in one transaction and one
/// flush of the checkpoints (group commit): every read is audited, and fifty people reading
/// dashboards would otherwise queue one by one on the store's write lock.
/// </summary>
public sealed class SqlAuditLog(Func<OperationalDbContext> open, Func<AuditSigner> signer, AuditCheckpointFile checkpoints, TimeProvider clock) : IAuditLog
{
    private const long AdvisoryLock = 0x7E55E7A_A0D17;

    /// <summary>Called just before a record is written; tests use it to make the write fail.</summary>
    public Action? BeforeWrite { get; init; }

    private readonly object _queue = new();
    private readonly List<Pending> _pending = [];
    private bool _writing;

    /// <summary>A record waiting to be written, and then what became of it.</summary>
    private sealed class Pending(AuditEvent auditEvent)
    {
        public AuditEvent Event { get; } = auditEvent;
        public AuditRecord? Record { get; set; }
        public Exception? Error { get; set; }
        public bool Done => Record is not null || Error is not null;
    }

    /// <inheritdoc />
    /// <remarks>Returns once the record is committed and its checkpoint is on disk.</remarks>
    public AuditRecord Record(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        try
        {
            BeforeWrite?.Invoke();
        }
        catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw Unavailable(ex);
        }

        var mine = new Pending(auditEvent);
        List<Pending>? batch = null;
        lock (_queue)
        {
            _pending.Add(mine);
            while (!mine.Done)
            {
                if (!_writing)
                {
                    // Nobody is writing: this caller writes everything waiting, its own record included.
                    _writing = true;
                    batch = [.. _pending];
                    _pending.Clear();
                    break;
                }

                Monitor.Wait(_queue);
            }
        }

        if (batch is not null)
        {
            Write(batch);
            lock (_queue)
            {
                _writing = false;
                Monitor.PulseAll(_queue);
            }
        }

        return mine.Record ?? throw Unavailable(mine.Error!);
    }

    /// <summary>Writes <paramref name="batch"/>; never throws: a failure is each record's error, and refuses each access.</summary>

    private void Write(List<Pending> batch)
    {
        try
        {
            var keys = signer();
            var records = Append(batch.Select(p => p.Event).ToList(), keys);
            checkpoints.Append(records.Select(keys.Checkpoint));
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Record = records[i];
            }
        }
#pragma warning disable CA1031 // Whatever stopped the write refuses every access in the batch; none may wait for ever.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            batch.ForEach(p => p.Error = ex);
        }
    }

    private AuditUnavailableException Unavailable(Exception ex) =>
        new($"The access was refused because its audit record could not be written ({ex.Message}). Check the workspace's disk and the file {checkpoints.Path}.", ex);

    private List<AuditRecord> Append(IReadOnlyList<AuditEvent> events, AuditSigner keys)
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
        var records = new List<AuditRecord>(events.Count);
        foreach (var auditEvent in events)
        {
            var record = AuditRecord.Next(previous, clock.GetUtcNow().UtcDateTime, auditEvent, keys);
            using (var insert = Command(connection, transaction,
                $"INSERT INTO {Table(db)} (sequence, time_utc, actor, action, target, purpose, origin, outcome, previous_hash, hash) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)",
                record.Sequence, record.TimeText, auditEvent.Actor, auditEvent.Action.Text(), auditEvent.Target, auditEvent.Purpose, auditEvent.Origin,
                auditEvent.Outcome.ToString(), record.PreviousHash, record.Hash))
            {
                insert.ExecuteNonQuery();
            }

            records.Add(record);
            previous = record;
        }

        transaction.Commit();
        return records;
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
