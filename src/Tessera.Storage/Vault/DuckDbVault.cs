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
    protected override DbConnection Connect()
    {
        var connection = new DuckDBConnection("Data Source=" + Path);
        connection.Open();
        return connection;
    }

    /// <summary>Opens a connection for maintenance and tests (e.g. a forced checkpoint).</summary>
    public DuckDBConnection OpenConnection() => (DuckDBConnection)Connect();

    /// <inheritdoc />
    protected internal override IRowSink CreateSink(DbConnection connection, DbTransaction transaction, TableLayout table, long deliveryId) =>
        new DuckDbChunkSink((DuckDBConnection)connection, table, deliveryId);
}
