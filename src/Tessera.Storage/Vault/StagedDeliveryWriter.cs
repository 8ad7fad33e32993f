using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using Tessera.Intake.Delivering;

namespace Tessera.Storage.Vault;

/// <summary>
/// One delivery on DuckDB, written stage-then-publish. Rows are appended by several connections
/// at once, each committing its own transaction — DuckDB's appender works on one core per
/// connection and is the slowest step of an ingest — tagged with the delivery's id. Nothing reads
/// them yet: every view and check joins the ledger, and the delivery has no ledger entry. The
/// whole-delivery checks and the ledger entry then run in one transaction that starts after the
/// rows are in; its commit publishes the delivery at once. A rejected delivery's staged rows are
/// deleted here; a killed process's are swept by the next writer (see <see cref="DuckDbVault"/>).
/// </summary>
internal sealed class StagedDeliveryWriter(DuckDbVault vault, DuckDBConnection connection, long deliveryId) : IDeliveryWriter
{
    private readonly HashSet<TableLayout> _tables = [];
    private DbTransaction? _transaction;
    private bool _appending;
    private bool _done;
    private bool _disposed;

    public long DeliveryId => deliveryId;

    public int AppendThreads => 2;

    public IRowSink Rows(TableLayout table)
    {
        ArgumentNullException.ThrowIfNull(table);
        lock (_tables)
        {
            _tables.Add(table);
            if (!_appending)
            {
                _appending = true;
                vault.AppendingStarted(connection);
            }
        }

        var sinkConnection = vault.OpenConnection();
        try
        {
            var transaction = sinkConnection.BeginTransaction();
            return new StagedRowSink(sinkConnection, transaction, new DuckDbChunkSink(sinkConnection, table, deliveryId));
        }
        catch
        {
            sinkConnection.Dispose();
            throw;
        }
    }

    public void Quarantine(IReadOnlyList<QuarantineEntry> entries)
    {
        if (_transaction is not null)
        {
            SqlDeliveryWriter.InsertQuarantine(connection, _transaction, deliveryId, entries);
            return;
        }

        // While rows are still being read, quarantine entries are staged like rows, so the
        // publishing transaction can start after everything is in.
        using var staging = connection.BeginTransaction();
        SqlDeliveryWriter.InsertQuarantine(connection, staging, deliveryId, entries);
        staging.Commit();
    }

    public IReadOnlyList<(long Row, string Value)> Query(string sql) => SqlDeliveryWriter.Query(connection, Publishing(), sql);

    public long Count(string sql) => SqlDeliveryWriter.Count(connection, Publishing(), sql);

    public void Execute(string sql) => SqlVault.Execute(connection, Publishing(), sql);

    public void Commit(DeliveryLedgerEntry entry, IReadOnlyList<long> superseded)
    {
        var transaction = Publishing();
        SqlDeliveryWriter.WriteLedger(connection, transaction, deliveryId, entry, superseded);
        SqlVault.Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"DELETE FROM {DuckDbVault.StagingTable} WHERE delivery_id = {deliveryId}"));
        transaction.Commit();
        _done = true;
    }

    // Started lazily: DuckDB's snapshot must be taken after the staged rows were committed.
    private DbTransaction Publishing()
    {
        if (_transaction is null)
        {
            StopAppending();
            _transaction = connection.BeginTransaction();
        }

        return _transaction;
    }

    private void StopAppending()
    {
        lock (_tables)
        {
            if (_appending)
            {
                _appending = false;
                vault.AppendingEnded(connection);
            }
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            StopAppending();
            if (!_done)
            {
                _transaction?.Rollback();
                _transaction?.Dispose();
                _transaction = null;
                vault.RemoveStaged(connection, deliveryId, _tables);
            }
        }
        finally
        {
            _transaction?.Dispose();
            vault.Finished(deliveryId);
            connection.Dispose();
        }
    }

    /// <summary>One appending connection: its rows are committed (staged) when complete.</summary>
    private sealed class StagedRowSink(DuckDBConnection connection, DbTransaction transaction, DuckDbChunkSink sink) : IRowSink
    {
        public void Append(long row, ReadOnlySpan<Intake.Validation.StoredValue> values, ReadOnlySpan<byte[]?> sealedValues) => sink.Append(row, values, sealedValues);

        public void Complete()
        {
            sink.Complete();
            transaction.Commit();
        }

        public void Dispose()
        {
            sink.Dispose();
            transaction.Dispose();
            connection.Dispose();
        }
    }
}
