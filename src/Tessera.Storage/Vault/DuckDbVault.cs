using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using Tessera.Intake.Delivering;
using Tessera.Metrics.Sql;

namespace Tessera.Storage.Vault;

/// <summary>
/// The vault of an embedded workspace: one DuckDB file. Deliveries are written stage-then-publish
/// (<see cref="StagedDeliveryWriter"/>): rows are appended in DuckDB data chunks on two
/// connections at once and become visible when the ledger entry commits.
/// </summary>
public sealed class DuckDbVault(string path) : SqlVault
{
    /// <summary>Deliveries whose rows may be staged but not yet published; a leftover entry marks a crashed ingest.</summary>
    internal const string StagingTable = DeliverySql.LedgerSchema + ".staging";

    // Deliveries being written by this process: never swept. Another process cannot be writing,
    // because a writer keeps the file open (DuckDB lets one process open it at a time).
    private static readonly ConcurrentDictionary<(string Path, long Id), byte> InFlight = new();

    // Deliveries of this process appending rows, per file (see AppendingStarted).
    private static readonly Dictionary<string, int> Appending = new(StringComparer.Ordinal);

    /// <summary>The DuckDB file.</summary>
    public string Path { get; } = path;

    /// <inheritdoc />
    protected override string BlobType => "BLOB";

    /// <inheritdoc />
    public override SqlDialect Dialect => SqlDialect.DuckDb;

    /// <inheritdoc />
    /// <remarks>
    /// Names the compression where DuckDB's analysis of every row group is known to be wasted.
    /// Sealed identifiers are ciphertext, which no method compresses (about 0.4 µs a row to find
    /// that out). A text primary key of one field is unique within a delivery, so dictionary
    /// compression never pays and FSST is what DuckDB settles on: storing three million event rows
    /// took 3.3 s instead of 4.0 s with the event id's compression named.
    /// </remarks>
    protected override string ColumnDefinition(TableLayout table, StoredColumn column)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(column);
        return column.Type switch
        {
            StoreType.Sealed => "BLOB USING COMPRESSION uncompressed",
            StoreType.Text when table.PrimaryKey is [var key] && key == column.Name => "VARCHAR USING COMPRESSION fsst",
            _ => base.ColumnDefinition(table, column),
        };
    }

    /// <inheritdoc />
    /// <summary>
    /// How long to wait for another process (the CLI while the web app serves, or the other way
    /// round) to finish writing before giving up. DuckDB lets one process open the file at a
    /// time, so every connection here is short-lived and waits its turn.
    /// </summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Called once when a connection has to wait for another process.</summary>
    public Action? Waiting { get; init; }

    /// <inheritdoc />
    protected override DbConnection Connect()
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var told = false;
        while (true)
        {
            var connection = new DuckDBConnection("Data Source=" + Path);
            try
            {
                connection.Open();
                return connection;
            }
            catch (DuckDBException ex) when (ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase) && waited.Elapsed < LockWait)
            {
                connection.Dispose();
                if (!told)
                {
                    told = true;
                    Waiting?.Invoke();
                }

                Thread.Sleep(100);
            }
            catch (DuckDBException ex) when (ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
            {
                connection.Dispose();
                throw new IOException($"The workspace vault {Path} has been busy (another process is writing to it) for {LockWait.TotalSeconds:N0} seconds; try again when that ingest has finished.", ex);
            }
        }
    }

    /// <inheritdoc />
    public override IDeliveryWriter Begin(string source)
    {
        var connection = (DuckDBConnection)Connect();
        try
        {
            SweepAbandoned(connection);
            var id = NextDeliveryId(connection);
            InFlight[(Path, id)] = 0;
            Execute(connection, null, string.Create(CultureInfo.InvariantCulture, $"INSERT INTO {StagingTable} VALUES ({id})"));
            return new StagedDeliveryWriter(this, connection, id);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Deletes the staged rows and quarantine entries of a delivery that was not published.</summary>
    internal void RemoveStaged(DbConnection connection, long deliveryId, IEnumerable<TableLayout> tables)
    {
        using var transaction = connection.BeginTransaction();
        foreach (var table in tables)
        {
            Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"DELETE FROM {DeliverySql.Rows(table)} WHERE {DeliverySql.Quote(TableLayout.DeliveryColumn)} = {deliveryId}"));
        }

        Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"DELETE FROM {DeliverySql.LedgerSchema}.quarantine WHERE delivery_id = {deliveryId} AND delivery_id NOT IN (SELECT id FROM {DeliverySql.LedgerSchema}.deliveries)"));
        Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"DELETE FROM {StagingTable} WHERE delivery_id = {deliveryId}"));
        transaction.Commit();
    }

    /// <summary>
    /// Runs DuckDB on one thread while deliveries append. Why: DuckDB's appender stores rows by
    /// running an insert whose work DuckDB's own worker threads share, while the appending thread
    /// waits for them spinning. An ingest already keeps both cores busy (a reading thread and two
    /// appending threads), so the workers only competed for them: a ten-million-row event file
    /// took 10% less CPU on one DuckDB thread. Meanwhile each full row group is compressed and
    /// written as soon as it is complete, not five at a time (DuckDB's default): with five, both
    /// appending threads compressed at once while the reading thread waited, and DuckDB held
    /// 100–200 MB more. The whole-delivery checks run after <see cref="AppendingEnded"/>, on all
    /// threads again.
    /// </summary>
    internal void AppendingStarted(DbConnection connection)
    {
        lock (Appending)
        {
            Appending[Path] = Appending.GetValueOrDefault(Path) + 1;
            if (Appending[Path] == 1)
            {
                Execute(connection, null, "SET threads = 1; SET write_buffer_row_group_count = 1");
            }
        }
    }

    /// <summary>Gives DuckDB its threads back when the last appending delivery of the file is done.</summary>
    internal void AppendingEnded(DbConnection connection)
    {
        lock (Appending)
        {
            Appending[Path]--;
            if (Appending[Path] == 0)
            {
                Appending.Remove(Path);
                Execute(connection, null, "RESET threads; RESET write_buffer_row_group_count");
            }
        }
    }

    /// <summary>Forgets a delivery this process was writing.</summary>
    internal void Finished(long deliveryId) => InFlight.TryRemove((Path, deliveryId), out _);

    // A process killed mid-ingest leaves staged rows behind: invisible, but taking space.
    private void SweepAbandoned(DbConnection connection)
    {
        var abandoned = new List<long>();
        using (var command = Command(connection, null, $"SELECT delivery_id FROM {StagingTable}"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                if (!InFlight.ContainsKey((Path, id)))
                {
                    abandoned.Add(id);
                }
            }
        }

        if (abandoned.Count == 0)
        {
            return;
        }

        var tables = new List<string>();
        using (var command = Command(connection, null, $"SELECT c.table_schema, c.table_name FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name WHERE t.table_type = 'BASE TABLE' AND c.column_name = '{TableLayout.DeliveryColumn}'"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                tables.Add(DeliverySql.Quote(reader.GetString(0)) + "." + DeliverySql.Quote(reader.GetString(1)));
            }
        }

        foreach (var id in abandoned)
        {
            using var transaction = connection.BeginTransaction();
            foreach (var table in tables)
            {
                Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"DELETE FROM {table} WHERE {DeliverySql.Quote(TableLayout.DeliveryColumn)} = {id}"));
            }

            Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"DELETE FROM {DeliverySql.LedgerSchema}.quarantine WHERE delivery_id = {id} AND delivery_id NOT IN (SELECT id FROM {DeliverySql.LedgerSchema}.deliveries)"));
            Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"DELETE FROM {StagingTable} WHERE delivery_id = {id}"));
            transaction.Commit();
        }
    }

    /// <inheritdoc />
    internal override void BulkInsert(DbConnection connection, DbTransaction transaction, string schema, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        // The appender writes into the connection's open transaction; columns are the table's, in order.
        using var appender = ((DuckDBConnection)connection).CreateAppender(schema, table);
        foreach (var values in rows)
        {
            var row = appender.CreateRow();
            foreach (var value in values)
            {
                row = value switch
                {
                    null => row.AppendNullValue(),
                    string text => row.AppendValue(text),
                    long number => row.AppendValue(number),
                    double real => row.AppendValue(real),
                    DateTime time => row.AppendValue(time),
                    _ => throw new ArgumentException($"Cannot append a {value.GetType().Name}.", nameof(rows)),
                };
            }

            row.EndRow();
        }
    }

    /// <summary>Opens a connection for maintenance and tests (e.g. a forced checkpoint).</summary>
    public DuckDBConnection OpenConnection() => (DuckDBConnection)Connect();
}
