using System.Data.Common;
using DuckDB.NET.Data;
using Tessera.Intake.Delivering;
using Tessera.Intake.Validation;

namespace Tessera.Storage.Vault;

/// <summary>The vault of an embedded workspace: one DuckDB file, written through DuckDB's appender inside each delivery's transaction.</summary>
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
        new AppenderSink(((DuckDBConnection)connection).CreateAppender(table.Schema, table.RowsTable), table, deliveryId);

    private sealed class AppenderSink(DuckDBAppender appender, TableLayout table, long deliveryId) : IRowSink
    {
        private bool _closed;

        public void Append(long row, ReadOnlySpan<StoredValue> values, ReadOnlySpan<byte[]?> sealedValues)
        {
            var target = appender.CreateRow().AppendValue((long?)deliveryId).AppendValue((long?)row);
            for (var i = 0; i < values.Length; i++)
            {
                var value = values[i];
                target = table.Columns[i].Type == StoreType.Sealed
                    ? sealedValues[i] is { } bytes ? target.AppendValue(bytes) : target.AppendNullValue()
                    : value.Kind switch
                    {
                        StoredKind.Integer => target.AppendValue((long?)value.Integer),
                        StoredKind.Decimal => target.AppendValue((decimal?)value.Decimal),
                        StoredKind.Date => target.AppendValue((DateOnly?)DateOnly.FromDateTime(value.Time)),
                        StoredKind.Timestamp => target.AppendValue((DateTime?)value.Time),
                        StoredKind.Text => target.AppendValue(value.Text),
                        _ => target.AppendNullValue(),
                    };
            }

            target.EndRow();
        }

        public void Complete()
        {
            if (!_closed)
            {
                _closed = true;
                appender.Close();
            }
        }

        public void Dispose()
        {
            appender.Dispose();
        }
    }
}
