using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tessera.Governance.Disclosure;
using Tessera.Metrics.Results;
using Tessera.Storage.Operational;
using Tessera.Storage.Vault;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Metrics;

/// <summary>
/// The metric runs and results published to the operational store: what the pages, exports, the
/// API and contracts show. Reading them never opens the vault, so a reader neither waits on a
/// computation nor touches person-level data; the figures are the ones the vault computed, each
/// with the suppression decided when it was published.
/// </summary>
public sealed class PublishedMetrics(Workspace workspace)
{
    private const string RunColumns = "id, metric_id, version, as_of, deliveries, link_run, computed_utc, operator, members";

    /// <summary>Every run of <paramref name="metricId"/>, newest first.</summary>
    public IReadOnlyList<MetricRun> Runs(string metricId) => ReadRuns("WHERE metric_id = @p0 ORDER BY id DESC", metricId);

    /// <summary>The latest run of <paramref name="metricId"/>, or null when it was never computed.</summary>
    public MetricRun? LatestRun(string metricId) => ReadRuns("WHERE metric_id = @p0 ORDER BY id DESC LIMIT 1", metricId).FirstOrDefault();

    /// <summary>The latest run of every metric computed, by metric id: one read for a catalogue page.</summary>
    public IReadOnlyDictionary<string, MetricRun> LatestRuns() =>
        ReadRuns("WHERE id IN (SELECT MAX(id) FROM {0} GROUP BY metric_id)").ToDictionary(r => r.MetricId, StringComparer.Ordinal);

    /// <summary>
    /// The exact results of the latest run of <paramref name="metricId"/> (or of run
    /// <paramref name="runId"/>, e.g. the one a payment was based on) for one breakdown ("all" for
    /// the overall figures), with periods starting within <paramref name="from"/>–<paramref name="to"/>.
    /// Exact: for callers entitled to them (the operator, a contract's own figures).
    /// </summary>
    public IReadOnlyList<MetricResult> Results(string metricId, string group = "all", DateOnly? from = null, DateOnly? to = null, long? runId = null) =>
        Read(metricId, group, from, to, runId).Select(r => r.Result).ToList();

    /// <summary>
    /// The latest results of <paramref name="metricId"/> for <paramref name="group"/> as they may be
    /// shown: <paramref name="exact"/> for users authorised for person-level data, otherwise with the
    /// figures small-cell suppression hides marked hidden. <paramref name="runId"/> pins the run (the
    /// one the caller has shown the date of); default: the latest.
    /// </summary>
    public IReadOnlyList<PublishedResult> Published(string metricId, string group, bool exact, DateOnly? from = null, DateOnly? to = null, long? runId = null) =>
        Read(metricId, group, from, to, runId).Select(r => exact ? r with { Hidden = Suppression.None } : r).ToList();

    /// <summary>
    /// Cases and hits per client-mix stratum of run <paramref name="runId"/> for one breakdown, by
    /// value and period: the sufficient statistics of an adjusted rate. Exact counts: callers show
    /// only what they derive, under suppression.
    /// </summary>
    public IReadOnlyList<(string GroupValue, DateOnly PeriodStart, string Stratum, long Cases, long Hits)> Strata(long runId, string group)
    {
        var strata = new List<(string, DateOnly, string, long, long)>();
        using var db = workspace.Operational();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        using var command = OperationalSql.Command(connection, null, $"""
            SELECT group_value, period_start, stratum, cases, hits FROM {OperationalSql.Table(db, "metric_strata")} WHERE run_id = @p0 AND group_name = @p1
            """, runId, group);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            strata.Add((reader.GetString(0), StoredDate.Of(reader.GetValue(1)), reader.GetString(2),
                Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture)));
        }

        return strata;
    }

    private List<PublishedResult> Read(string metricId, string group, DateOnly? from, DateOnly? to, long? runId)
    {
        var run = runId is { } id ? Runs(metricId).FirstOrDefault(r => r.Id == id) : LatestRun(metricId);
        if (run is null)
        {
            return [];
        }

        var results = new List<PublishedResult>();
        using var db = workspace.Operational();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        using var command = OperationalSql.Command(connection, null, $"""
            SELECT group_name, group_value, period_start, period_end, numerator, denominator, value, suppression FROM {OperationalSql.Table(db, "metric_results")}
            WHERE run_id = @p0 AND group_name = @p1 AND period_start >= @p2 AND period_start <= @p3 ORDER BY period_start, group_value
            """, run.Id, group, Text(from ?? DateOnly.MinValue), Text(to ?? DateOnly.MaxValue));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            results.Add(new PublishedResult(
                new MetricResult(run.MetricId, run.Version, reader.GetString(0), reader.GetString(1), StoredDate.Of(reader.GetValue(2)), StoredDate.Of(reader.GetValue(3)),
                    reader.IsDBNull(4) ? null : Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture),
                    reader.IsDBNull(5) ? null : Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture),
                    reader.IsDBNull(6) ? null : Convert.ToDouble(reader.GetValue(6), CultureInfo.InvariantCulture)),
                MetricPublication.SuppressionOf(reader.GetString(7))));
        }

        return results;
    }

    private List<MetricRun> ReadRuns(string condition, params object?[] parameters)
    {
        var runs = new List<MetricRun>();
        using var db = workspace.Operational();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        var table = OperationalSql.Table(db, "metric_runs");
        using var command = OperationalSql.Command(connection, null, $"SELECT {RunColumns} FROM {table} {string.Format(CultureInfo.InvariantCulture, condition, table)}", parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            runs.Add(new MetricRun(
                Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
                StoredDate.Of(reader.GetValue(3)), reader.GetString(4).Split(',', StringSplitOptions.RemoveEmptyEntries),
                reader.IsDBNull(5) ? null : Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture),
                DateTime.Parse(reader.GetString(6), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), reader.GetString(7),
                Convert.ToInt64(reader.GetValue(8), CultureInfo.InvariantCulture)));
        }

        return runs;
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
