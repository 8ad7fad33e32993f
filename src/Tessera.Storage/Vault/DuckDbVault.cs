using System.Data.Common;
using DuckDB.NET.Data;
using Tessera.Intake.Delivering;

namespace Tessera.Storage.Vault;

/// <summary>The vault of an embedded workspace: one DuckDB file, written in DuckDB data chunks through its appender inside each delivery's transaction.</summary>
public sealed class DuckDbVault(string path) : SqlVault
{
    /// <summary>The DuckDB file.</summary>
    public string Path { get; } = path;

    /// <inheritdoc />
    protected override string BlobType => "BLOB";

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

    /// <summary>Opens a connection for maintenance and tests (e.g. a forced checkpoint).</summary>
    public DuckDBConnection OpenConnection() => (DuckDBConnection)Connect();

    /// <inheritdoc />
    protected internal override IRowSink CreateSink(DbConnection connection, DbTransaction transaction, TableLayout table, long deliveryId) =>
        new DuckDbChunkSink((DuckDBConnection)connection, table, deliveryId);
}
