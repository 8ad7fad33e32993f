using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Metrics.Compilation;
using Tessera.Storage.Access;
using Tessera.Storage.Operational;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Metrics;

/// <summary>
/// Keeps the published figures current on their own: an accepted delivery queues the metrics that
/// read its source (once: a metric already waiting just waits), a worker — the web server's, or
/// <c>tessera metrics queue --run</c> — computes what waits, and a computation however started
/// settles the entries queued before it began.
/// </summary>
public static class RecomputeQueue
{
    /// <summary>Status of an entry waiting.</summary>
    public const string Queued = "queued";

    private const string Columns = "id, metric_id, reason, queued_utc, started_utc, finished_utc, status, run_id, error";

    /// <summary>Queues the metrics that read <paramref name="source"/> and can be computed, for delivery <paramref name="delivery"/>; returns how many were newly queued.</summary>
    public static int Enqueue(Workspace workspace, string source, long delivery)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        // Those that read the source and can be computed now (every file they need has rows).
        var reading = MetricCatalog.Load(workspace).Where(e => e.Available
                && (MetricSql.Files(e.Definition).Any(f => f.Source == source) || e.Definition.AdjustFor.Any(t => t.Source == source))
                && MetricSql.Files(e.Definition).All(f => workspace.Vault.HasRows(f.Source, f.File)))
            .Select(e => e.Definition.Id).ToList();
        if (reading.Count == 0)
        {
            return 0;
        }

        var reason = string.Create(CultureInfo.InvariantCulture, $"{source}#{delivery}");
        return Write(workspace, (connection, transaction, table) =>
        {
            var waiting = Read(connection, transaction, table, "WHERE status = 'queued'").ToDictionary(q => q.Metric, StringComparer.Ordinal);
            using var next = OperationalSql.Command(connection, transaction, $"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}");
            var id = Convert.ToInt64(next.ExecuteScalar(), CultureInfo.InvariantCulture);
            var added = 0;
            foreach (var metric in reading)
            {
                if (waiting.TryGetValue(metric, out var entry))
                {
                    OperationalSql.Execute(connection, transaction, $"UPDATE {table} SET reason = @p0 WHERE id = @p1", $"{entry.Reason},{reason}", entry.Id);
                    continue;
                }

                OperationalSql.Execute(connection, transaction, $"INSERT INTO {table} (id, metric_id, reason, queued_utc, status) VALUES (@p0, @p1, @p2, @p3, 'queued')",
                    id++, metric, reason, Now(workspace));
                added++;
            }

            return added;
        });
    }

    /// <summary>The queue, newest first: what waits, runs, was done or failed.</summary>
    /// <exception cref="AccessDeniedException">The caller's role does not see metrics.</exception>
    public static IReadOnlyList<QueuedComputation> List(Caller caller, int latest = 200)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Permit(Capability.ViewMetrics, AuditAction.Read, "metric recomputation queue");
        return ReadOnly(caller.Workspace, string.Create(CultureInfo.InvariantCulture, $"ORDER BY id DESC LIMIT {latest}"));
    }

    /// <summary>The metrics waiting, by id: for a dashboard to say newer data is on its way.</summary>
    public static IReadOnlySet<string> Waiting(Workspace workspace) =>
        ReadOnly(workspace, "WHERE status IN ('queued', 'running')").Select(q => q.Metric).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Computes every metric waiting, as one batch; <paramref name="progress"/> hears after each
    /// metric (done so far, of how many). Returns how many were computed.
    /// </summary>
    /// <exception cref="AccessDeniedException">The caller may not compute metrics.</exception>
    public static int RunPending(Caller caller, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var workspace = caller.Workspace;
        var pending = Write(workspace, (connection, transaction, table) => Read(connection, transaction, table, "WHERE status = 'queued' ORDER BY id"));
        caller.Permit(Capability.ComputeMetrics, AuditAction.Compute, string.Create(CultureInfo.InvariantCulture, $"queued metrics ({pending.Count})"));
        if (pending.Count == 0)
        {
            return 0;
        }

        var started = Now(workspace);
        Write(workspace, (connection, transaction, table) =>
        {
            foreach (var entry in pending)
            {
                OperationalSql.Execute(connection, transaction, $"UPDATE {table} SET status = 'running', started_utc = @p0 WHERE id = @p1 AND status = 'queued'", started, entry.Id);
            }

            return 0;
        });
        var catalog = MetricCatalog.Load(workspace);
        var entries = pending.Select(p => catalog.FirstOrDefault(e => e.Definition.Id == p.Metric)).OfType<CatalogEntry>().ToList();
        var done = 0;
        new MetricStore(workspace).Compute(entries, caller.User.Name, workspace.UtcNow, null, null, (entry, run, error) =>
        {
            Write(workspace, (connection, transaction, table) =>
                OperationalSql.Execute(connection, transaction, $"UPDATE {table} SET status = @p0, finished_utc = @p1, run_id = @p2, error = @p3 WHERE metric_id = @p4 AND status = 'running'",
                    run is null ? "failed" : "done", Now(workspace), run?.Id, error?.Message, entry.Definition.Id));
            progress?.Invoke(++done, entries.Count);
        });
        return done;
    }

    /// <summary>Settles the entries of <paramref name="metric"/> queued before <paramref name="startedUtc"/>: run <paramref name="run"/> covers them.</summary>
    internal static void Settle(Workspace workspace, string metric, long run, DateTime startedUtc) =>
        Write(workspace, (connection, transaction, table) => OperationalSql.Execute(connection, transaction,
            $"UPDATE {table} SET status = 'done', finished_utc = @p0, run_id = @p1 WHERE metric_id = @p2 AND status = 'queued' AND queued_utc <= @p3",
            Now(workspace), run, metric, startedUtc.ToString("O", CultureInfo.InvariantCulture)));

    private static T Write<T>(Workspace workspace, Func<DbConnection, DbTransaction, string, T> work)
    {
        using var db = workspace.Operational();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.Serializable);
        var result = work(connection, transaction, OperationalSql.Table(db, "metric_queue"));
        transaction.Commit();
        return result;
    }

    /// <summary>Reads the queue without a transaction: no write lock, so pages never wait behind writers (the audit chain's among them).</summary>
    private static List<QueuedComputation> ReadOnly(Workspace workspace, string condition)
    {
        using var db = workspace.Operational();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        return Read(connection, null, OperationalSql.Table(db, "metric_queue"), condition);
    }

    private static List<QueuedComputation> Read(DbConnection connection, DbTransaction? transaction, string table, string condition)
    {
        using var command = OperationalSql.Command(connection, transaction, $"SELECT {Columns} FROM {table} {condition}");
        using var reader = command.ExecuteReader();
        var rows = new List<QueuedComputation>();
        static DateTime? Time(DbDataReader r, int i) => r.IsDBNull(i) ? null : DateTime.Parse(r.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        while (reader.Read())
        {
            rows.Add(new QueuedComputation(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2), Time(reader, 3)!.Value,
                Time(reader, 4), Time(reader, 5), reader.GetString(6), reader.IsDBNull(7) ? null : Convert.ToInt64(reader.GetValue(7), CultureInfo.InvariantCulture),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return rows;
    }

    private static string Now(Workspace workspace) => workspace.UtcNow.ToString("O", CultureInfo.InvariantCulture);
}
