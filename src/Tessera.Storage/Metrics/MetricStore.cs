using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tessera.Intake.Delivering;
using Tessera.Metrics.Compilation;
using Tessera.Metrics.Definitions;
using Tessera.Metrics.Results;
using Tessera.Metrics.Sql;
using Tessera.Storage.Schema;
using Tessera.Storage.Vault;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Metrics;

/// <summary>
/// Computes metrics inside the vault and keeps every run: its members (the pseudonymous persons
/// behind each figure), its results per group and period, the definition text, the deliveries and
/// the linkage run read. A run is one transaction, so a figure is either fully stored or not at
/// all; once stored it is published to the operational store (<see cref="PublishedMetrics"/>),
/// where every reader finds it. Only the persons behind a figure are read from the vault.
/// </summary>
public sealed class MetricStore(Workspace workspace)
{
    private const string Schema = DeliverySql.LedgerSchema;
    private readonly SqlVault _vault = workspace.Vault;

    /// <summary>
    /// Computes <paramref name="entry"/> over the current data and stores the run. Anchors outside
    /// <paramref name="from"/>–<paramref name="to"/> are left out when given.
    /// </summary>
    /// <exception cref="WorkspaceException">The metric cannot be computed here, or a source it reads has no data yet.</exception>
    public MetricRun Compute(CatalogEntry entry, string operatorName, DateTime nowUtc, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        MetricRun? run = null;
        WorkspaceException? failure = null;
        Compute([entry], operatorName, nowUtc, from, to, (_, done, error) => (run, failure) = (done, error));
        return run ?? throw failure!;
    }

    /// <summary>
    /// Computes several metrics, each stored as its own run (one transaction each). Files that more
    /// than one of them reads are snapshotted once for the batch, so the current rows are worked out
    /// once, not once per metric. <paramref name="done"/> hears of each metric: its run, or why it
    /// could not be computed (the others go on).
    /// </summary>
    public void Compute(IReadOnlyList<CatalogEntry> entries, string operatorName, DateTime nowUtc, DateOnly? from, DateOnly? to, Action<CatalogEntry, MetricRun?, WorkspaceException?> done)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(done);

        // One open handle for the whole batch: reopening a large embedded vault per statement costs more than the statement.
        using var held = _vault.KeepOpen();
        var ready = new List<CatalogEntry>();
        foreach (var entry in entries)
        {
            var missing = MetricSql.Files(entry.Definition).FirstOrDefault(f => !_vault.HasRows(f.Source, f.File));
            if (!entry.Available)
            {
                done(entry, null, new WorkspaceException($"Metric '{entry.Definition.Id}' cannot be computed in this workspace: {string.Join(" ", entry.Problems)}"));
            }
            else if (missing != default)
            {
                done(entry, null, new WorkspaceException($"Metric '{entry.Definition.Id}' reads {missing.Source}/{missing.File}, which has no deliveries yet."));
            }
            else
            {
                ready.Add(entry);
            }
        }

        using var connection = _vault.Open();
        var shared = ready.SelectMany(e => MetricSql.Files(e.Definition)).GroupBy(f => f).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var snapshots = shared.Select((f, i) => (File: f, Name: "metric_snapshot_" + i.ToString(CultureInfo.InvariantCulture))).ToDictionary(x => x.File, x => x.Name);
        foreach (var ((source, file), name) in snapshots)
        {
            SqlVault.Snapshot(connection, _vault.Dialect, name, $"{SqlText.Quote(source)}.{SqlText.Quote(file)}");
        }

        try
        {
            foreach (var entry in ready)
            {
                done(entry, Store(connection, entry, operatorName, nowUtc, from, to, (source, file) => snapshots.GetValueOrDefault((source, file))), null);
            }
        }
        finally
        {
            foreach (var name in snapshots.Values)
            {
                SqlVault.Execute(connection, null, $"DROP TABLE IF EXISTS {name}");
            }
        }
    }

    private MetricRun Store(DbConnection connection, CatalogEntry entry, string operatorName, DateTime nowUtc, DateOnly? from, DateOnly? to, Func<string, string, string?> relation)
    {
        var metric = entry.Definition;
        var sources = MetricSql.Files(metric).Select(f => f.Source).Distinct().ToList();
        var dataSource = metric.Outcome?.Source ?? metric.Population.Source;
        var asOf = _vault.Deliveries(dataSource).Where(d => d.Status == "current").Select(d => d.PeriodEnd).DefaultIfEmpty(DateOnly.FromDateTime(nowUtc)).Max();
        var deliveries = sources.SelectMany(s => _vault.Deliveries(s).Where(d => d.Status == "current").Select(d => $"{s}#{d.Id}")).Order(StringComparer.Ordinal).ToList();
        var schema = new WorkspaceMetricSchema(workspace);
        var traits = metric.AdjustFor.Where(t => schema.Sources.Contains(t.Source, StringComparer.Ordinal) && _vault.HasRows(t.Source, t.File)).ToList();
        deliveries = [.. deliveries.Concat(traits.Select(t => t.Source).Except(sources).Distinct().SelectMany(s => _vault.Deliveries(s).Where(d => d.Status == "current").Select(d => $"{s}#{d.Id}"))).Order(StringComparer.Ordinal)];
        var members = MetricSql.Members(metric, schema, _vault.Dialect, new MetricQueryOptions(asOf, from, to, [.. traits.Select(t => t.Name)]), relation);

        using var transaction = connection.BeginTransaction();
        long runId;
        using (var next = SqlVault.Command(connection, transaction, $"SELECT nextval('{Schema}.metric_run_ids')"))
        {
            runId = Convert.ToInt64(next.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        var run = runId.ToString(CultureInfo.InvariantCulture);
        var stored = Execute(connection, transaction, $"INSERT INTO {Schema}.metric_members SELECT {run}, {string.Join(", ", MetricSql.MemberColumns)} FROM ({members}) m");
        var groups = new List<(string Name, string? Column)> { ("all", null) };
        groups.AddRange(metric.GroupBy.Select((g, i) => (g.Name, (string?)$"g{i + 1}")));
        foreach (var (name, column) in groups)
        {
            var aggregate = MetricSql.Aggregate(metric, _vault.Dialect, $"{Schema}.metric_members", runId, column);
            Execute(connection, transaction, $"""
                INSERT INTO {Schema}.metric_results
                SELECT {run}, $1, {metric.Version.ToString(CultureInfo.InvariantCulture)}, $2, group_value, period_start, period_end, numerator, denominator, value FROM ({aggregate}) a
                """, metric.Id, name);
        }

        if (traits.Count > 0)
        {
            // Cases and hits per stratum and breakdown value: what client-mix adjustment needs, and sums across partitions.
            foreach (var (name, column) in groups.Where(g => g.Column is not null))
            {
                Execute(connection, transaction, $"""
                    INSERT INTO {Schema}.metric_strata
                    SELECT {run}, $1, COALESCE({column}, 'unknown'), period_start, stratum, COUNT(*), SUM(hit) FROM {Schema}.metric_members
                    WHERE run_id = {run} AND stratum IS NOT NULL GROUP BY COALESCE({column}, 'unknown'), period_start, stratum
                    """, name);
            }
        }

        long? linkRun;
        using (var index = SqlVault.Command(connection, transaction, $"SELECT MAX(id) FROM {Schema}.link_runs"))
        {
            linkRun = index.ExecuteScalar() is { } last and not DBNull ? Convert.ToInt64(last, CultureInfo.InvariantCulture) : null;
        }

        var record = new MetricRun(runId, metric.Id, metric.Version, asOf, deliveries, linkRun, nowUtc, operatorName, stored);
        Execute(connection, transaction, $"""
            INSERT INTO {Schema}.metric_runs (id, metric_id, version, definition_yaml, as_of, from_date, to_date, deliveries, computed_utc, operator, members, link_run)
            VALUES ({run}, $1, {metric.Version.ToString(CultureInfo.InvariantCulture)}, $2, {SqlText.Date(asOf)},
                {Date(from)}, {Date(to)}, $3, $4, $5, {stored.ToString(CultureInfo.InvariantCulture)}, {(linkRun is { } l ? l.ToString(CultureInfo.InvariantCulture) : "NULL")})
            """, metric.Id, entry.Yaml, string.Join(",", deliveries), DateTime.SpecifyKind(nowUtc, DateTimeKind.Unspecified), operatorName);
        transaction.Commit();
        Publish();
        RecomputeQueue.Settle(workspace, metric.Id, runId, nowUtc);
        return record;
    }

    /// <summary>
    /// Publishes the run just stored — and any whose publishing an earlier failure cut short — to
    /// the operational store, where readers find it. Should this fail, the run stays in the vault and
    /// the next computation publishes it.
    /// </summary>
    private void Publish()
    {
        using var db = workspace.Operational();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        using var transaction = connection.BeginTransaction(IsolationLevel.Serializable);
        MetricPublication.CatchUp(workspace, connection, transaction, db.Database.IsNpgsql() ? StoreEngine.PostgreSql : StoreEngine.Sqlite);
        transaction.Commit();
    }

    /// <summary>
    /// The pseudonymous persons behind one figure of run <paramref name="run"/> (the published run
    /// whose figure the caller is looking at): each member row's person id, anchor date and whether
    /// it counted in the numerator. Person-level: callers check access and audit.
    /// </summary>
    public IReadOnlyList<(string PersonId, DateOnly Anchor, bool InNumerator)> Members(CatalogEntry entry, MetricRun run, string group, string groupValue, DateOnly periodStart)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(run);
        var index = entry.Definition.GroupBy.FindIndex(g => g.Name == group);
        var groupFilter = group == "all" ? "" : index < 0 ? " AND 1 = 0" : $" AND COALESCE(g{index + 1}, 'unknown') = $2";
        var members = new List<(string, DateOnly, bool)>();
        using var connection = _vault.Open();
        using var command = SqlVault.Command(connection, null,
            $"SELECT person_id, anchor_date, hit FROM {Schema}.metric_members WHERE run_id = $1{groupFilter} AND {PeriodFilter(entry.Definition, periodStart)} ORDER BY person_id, anchor_date",
            group == "all" ? [run.Id] : [run.Id, groupValue]);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            members.Add((reader.GetString(0), StoredDate.Of(reader.GetValue(1)), Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture) == 1));
        }

        return members;
    }

    /// <summary>The members' months that make up the period starting on <paramref name="start"/>: one month, or twelve for a rolling period.</summary>
    private static string PeriodFilter(MetricDefinition metric, DateOnly start) =>
        metric.PeriodKind == MetricPeriod.Rolling12
            ? $"period_start BETWEEN {SqlText.Date(start)} AND {SqlText.Date(start.AddMonths(11))}"
            : $"period_start = {SqlText.Date(start)}";

    private static string Date(DateOnly? date) => date is { } d ? SqlText.Date(d) : "NULL";

    private static long Execute(DbConnection connection, DbTransaction transaction, string sql, params object?[] parameters)
    {
        using var command = SqlVault.Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }
}
