using System.Data.Common;
using System.Globalization;
using Tessera.Governance.Disclosure;
using Tessera.Intake.Delivering;
using Tessera.Metrics.Results;
using Tessera.Storage.Operational;
using Tessera.Storage.Schema;
using Tessera.Storage.Vault;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Metrics;

/// <summary>
/// Publishes metric runs from the vault, where they are computed, to the operational store, where
/// pages, exports, the API and contracts read them without waiting on the vault: each run's record
/// and every figure with the suppression it gets when shown beyond its owner. Suppression is
/// decided once per run over all its breakdowns together, with the overall figure of each period as
/// the total they add up to — so a figure is hidden the same way on every page, and a total hidden
/// to protect one breakdown is hidden in all.
/// </summary>
internal static class MetricPublication
{
    /// <summary>
    /// Publishes every run the vault holds and the operational store does not yet, inside
    /// <paramref name="transaction"/>: the run just computed, a run whose publishing was cut short,
    /// or — when the operational store gains its metric tables — every run computed before.
    /// Returns how many runs it published.
    /// </summary>
    public static int CatchUp(Workspace workspace, DbConnection operational, DbTransaction transaction, StoreEngine engine, bool strata = true)
    {
        string Table(string name) => engine == StoreEngine.PostgreSql ? "tessera_ops." + name : name;
        if (engine == StoreEngine.PostgreSql)
        {
            // Two computations publishing at once would both publish the same runs; the second waits for the first.
            OperationalSql.Execute(operational, transaction, $"LOCK TABLE {Table("metric_runs")} IN EXCLUSIVE MODE");
        }

        var published = new HashSet<long>();
        using (var ids = OperationalSql.Command(operational, transaction, $"SELECT id FROM {Table("metric_runs")}"))
        using (var reader = ids.ExecuteReader())
        {
            while (reader.Read())
            {
                published.Add(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
            }
        }

        // Which runs to publish is a difference of id sets, not "after the last one": run numbers are
        // taken when a computation starts, so on a server one started earlier may finish later.
        using var vault = workspace.Vault.Open();
        var runs = new List<(MetricRun Run, string Yaml, DateOnly? From, DateOnly? To)>();
        using (var command = SqlVault.Command(vault, null, $"""
            SELECT id, metric_id, version, as_of, deliveries, link_run, computed_utc, operator, members, definition_yaml, from_date, to_date
            FROM {DeliverySql.LedgerSchema}.metric_runs ORDER BY id
            """))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (published.Contains(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture)))
                {
                    continue;
                }

                var run = new MetricRun(
                    Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
                    StoredDate.Of(reader.GetValue(3)), reader.GetString(4).Split(',', StringSplitOptions.RemoveEmptyEntries),
                    reader.IsDBNull(5) ? null : Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture),
                    DateTime.SpecifyKind(Convert.ToDateTime(reader.GetValue(6), CultureInfo.InvariantCulture), DateTimeKind.Utc), reader.GetString(7),
                    Convert.ToInt64(reader.GetValue(8), CultureInfo.InvariantCulture));
                runs.Add((run, reader.GetString(9), reader.IsDBNull(10) ? null : StoredDate.Of(reader.GetValue(10)), reader.IsDBNull(11) ? null : StoredDate.Of(reader.GetValue(11))));
            }
        }

        var now = workspace.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        foreach (var (run, yaml, from, to) in runs)
        {
            OperationalSql.Execute(operational, transaction, $"""
                INSERT INTO {Table("metric_runs")} (id, metric_id, version, definition_yaml, as_of, from_date, to_date, deliveries, link_run, computed_utc, operator, members, published_utc)
                VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12)
                """, run.Id, run.MetricId, run.Version, yaml, Text(run.AsOf), from is { } f ? Text(f) : null, to is { } t ? Text(t) : null,
                string.Join(",", run.Deliveries), run.LinkRun, run.ComputedUtc.ToString("O", CultureInfo.InvariantCulture), run.Operator, run.Members, now);

            var results = Results(vault, run);
            var hidden = Suppress(results);
            using var insert = OperationalSql.Command(operational, transaction, $"""
                INSERT INTO {Table("metric_results")} (run_id, group_name, group_value, period_start, period_end, numerator, denominator, value, suppression)
                VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)
                """, run.Id, "", "", "", "", null, null, null, "");
            foreach (var (result, i) in results.Select((r, i) => (r, i)))
            {
                object?[] values = [run.Id, result.Group, result.GroupValue, Text(result.PeriodStart), Text(result.PeriodEnd), result.Numerator, result.Denominator, result.Value, SuppressionName(hidden[i])];
                for (var p = 0; p < values.Length; p++)
                {
                    insert.Parameters[p].Value = values[p] ?? DBNull.Value;
                }

                insert.ExecuteNonQuery();
            }

            if (strata)
            {
                PublishStrata(vault, operational, transaction, Table("metric_strata"), run.Id);
            }
        }

        return runs.Count;
    }

    /// <summary>
    /// Copies a run's cases and hits per stratum: sufficient statistics for client-mix adjustment,
    /// read only by use cases that apply suppression to what they derive from them.
    /// </summary>
    private static void PublishStrata(DbConnection vault, DbConnection operational, DbTransaction transaction, string table, long runId)
    {
        using var read = SqlVault.Command(vault, null, $"""
            SELECT group_name, group_value, period_start, stratum, cases, hits FROM {DeliverySql.LedgerSchema}.metric_strata WHERE run_id = $1
            """, runId);
        using var reader = read.ExecuteReader();
        using var insert = OperationalSql.Command(operational, transaction, $"""
            INSERT INTO {table} (run_id, group_name, group_value, period_start, stratum, cases, hits) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)
            """, runId, "", "", "", "", 0L, 0L);
        while (reader.Read())
        {
            object[] values = [runId, reader.GetString(0), reader.GetString(1), Text(StoredDate.Of(reader.GetValue(2))), reader.GetString(3),
                Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture)];
            for (var p = 0; p < values.Length; p++)
            {
                insert.Parameters[p].Value = values[p];
            }

            insert.ExecuteNonQuery();
        }
    }

    /// <summary>The stored name of <paramref name="hidden"/>, read back by <see cref="SuppressionOf"/>.</summary>
    public static string SuppressionName(Suppression hidden) => hidden switch
    {
        Suppression.None => "none",
        Suppression.SmallCell => "small_cell",
        Suppression.Complementary => "complementary",
        _ => throw new ArgumentOutOfRangeException(nameof(hidden), hidden, null),
    };

    /// <summary>The suppression stored as <paramref name="name"/>.</summary>
    public static Suppression SuppressionOf(string name) => name switch
    {
        "none" => Suppression.None,
        "small_cell" => Suppression.SmallCell,
        "complementary" => Suppression.Complementary,
        _ => throw new WorkspaceException($"A published metric result has an unknown suppression '{name}'; the operational store is damaged."),
    };

    /// <summary>
    /// Which of a run's figures to hide from users not authorised for its persons: one pass of the
    /// small-cell service over every breakdown of the run, the overall figures as totals.
    /// </summary>
    private static IReadOnlyList<Suppression> Suppress(IReadOnlyList<MetricResult> results) =>
        // Counts that reveal persons: a count metric's count is its numerator; means, medians and sums rest on their denominator.
        SmallCellSuppression.Apply(results.Select(r => new Figure(r.Group, r.GroupValue, Text(r.PeriodStart), r.Numerator, r.Denominator)).ToList());

    private static List<MetricResult> Results(DbConnection vault, MetricRun run)
    {
        var results = new List<MetricResult>();
        using var command = SqlVault.Command(vault, null, $"""
            SELECT group_name, group_value, period_start, period_end, numerator, denominator, value FROM {DeliverySql.LedgerSchema}.metric_results
            WHERE run_id = $1 ORDER BY group_name, period_start, group_value
            """, run.Id);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            results.Add(new MetricResult(run.MetricId, run.Version, reader.GetString(0), reader.GetString(1), StoredDate.Of(reader.GetValue(2)), StoredDate.Of(reader.GetValue(3)),
                reader.IsDBNull(4) ? null : Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture),
                reader.IsDBNull(5) ? null : Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture),
                reader.IsDBNull(6) ? null : Convert.ToDouble(reader.GetValue(6), CultureInfo.InvariantCulture)));
        }

        return results;
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
