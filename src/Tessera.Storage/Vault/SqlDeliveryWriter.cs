using System.Data.Common;
using System.Globalization;
using Tessera.Intake.Delivering;

namespace Tessera.Storage.Vault;

/// <summary>One delivery written in one transaction (PostgreSQL); disposing without committing rolls it back.</summary>
internal sealed class SqlDeliveryWriter(DbConnection connection, DbTransaction transaction, long deliveryId, Func<DbConnection, TableLayout, long, IRowSink> createSink) : IDeliveryWriter
{
    private bool _done;

    public long DeliveryId => deliveryId;

    public int AppendThreads => 1;

    public IRowSink Rows(TableLayout table) => createSink(connection, table, deliveryId);

    public void Quarantine(IReadOnlyList<QuarantineEntry> entries) => InsertQuarantine(connection, transaction, deliveryId, entries);

    /// <summary>Inserts quarantine entries of <paramref name="deliveryId"/>.</summary>
    internal static void InsertQuarantine(DbConnection connection, DbTransaction transaction, long deliveryId, IReadOnlyList<QuarantineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            using var command = SqlVault.Command(connection, transaction,
                $"INSERT INTO {DeliverySql.LedgerSchema}.quarantine (delivery_id, file, row_number, column_name, rule, expected, plain_value, sealed_value) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                deliveryId, entry.File, entry.Row, entry.Column, entry.Rule.ToString(), entry.Expected, entry.PlainValue, entry.SealedValue);
            command.ExecuteNonQuery();
        }
    }

    public IReadOnlyList<(long Row, string Value)> Query(string sql) => Query(connection, transaction, sql);

    /// <summary>Runs a query returning (row, text) pairs.</summary>
    internal static IReadOnlyList<(long Row, string Value)> Query(DbConnection connection, DbTransaction transaction, string sql)
    {
        using var command = SqlVault.Command(connection, transaction, sql);
        using var reader = command.ExecuteReader();
        var rows = new List<(long, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.IsDBNull(1) ? "" : Convert.ToString(reader.GetValue(1), CultureInfo.InvariantCulture) ?? ""));
        }

        return rows;
    }

    public long Count(string sql) => Count(connection, transaction, sql);

    /// <summary>Runs a query returning one number.</summary>
    internal static long Count(DbConnection connection, DbTransaction transaction, string sql)
    {
        using var command = SqlVault.Command(connection, transaction, sql);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Execute(string sql) => SqlVault.Execute(connection, transaction, sql);

    public void Commit(DeliveryLedgerEntry entry, IReadOnlyList<long> superseded)
    {
        WriteLedger(connection, transaction, deliveryId, entry, superseded);
        transaction.Commit();
        _done = true;
    }

    /// <summary>Writes the ledger entry and marks <paramref name="superseded"/> deliveries as replaced, inside <paramref name="transaction"/>.</summary>
    internal static void WriteLedger(DbConnection connection, DbTransaction transaction, long deliveryId, DeliveryLedgerEntry entry, IReadOnlyList<long> superseded)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(superseded);
        using (var insert = SqlVault.Command(connection, transaction,
            $"""
            INSERT INTO {DeliverySql.LedgerSchema}.deliveries (id, source, period_start, period_end, period_label, content_hash, status, status_reason,
                dictionary, full_refresh, received_utc, rows_read, rows_accepted, rows_quarantined, files, quality_json, provider)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
            """,
            deliveryId, entry.Source, entry.PeriodStart == default ? null : entry.PeriodStart, entry.PeriodEnd == default ? null : entry.PeriodEnd,
            entry.PeriodLabel, entry.ContentHash, entry.Status, entry.StatusReason, entry.Dictionary, entry.FullRefresh, DateTime.SpecifyKind(entry.ReceivedUtc, DateTimeKind.Unspecified),
            entry.RowsRead, entry.RowsAccepted, entry.RowsQuarantined, entry.Files, entry.QualityJson, entry.Provider))
        {
            insert.ExecuteNonQuery();
        }

        foreach (var old in superseded)
        {
            using var update = SqlVault.Command(connection, transaction,
                $"UPDATE {DeliverySql.LedgerSchema}.deliveries SET status = 'superseded', superseded_by = $1, status_reason = $2 WHERE id = $3",
                deliveryId, entry.FullRefresh ? $"Replaced by full refresh #{deliveryId}." : entry.Provider is null ? $"Replaced by delivery #{deliveryId} for the same period." : $"Replaced by {entry.Provider}'s delivery #{deliveryId} for the same period.", old);
            update.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        if (!_done)
        {
            _done = true;
            try
            {
                transaction.Rollback();
            }
            catch (InvalidOperationException)
            {
                // Already rolled back by the engine after an error.
            }
        }

        transaction.Dispose();
        connection.Dispose();
    }
}
