using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Tessera.Intake.Delivering;
using Tessera.Intake.Validation;
using Tessera.Metrics.Sql;

namespace Tessera.Storage.Vault;

/// <summary>The vault of a server workspace: PostgreSQL, written through binary COPY inside each delivery's one transaction.</summary>
public sealed class PostgresVault(string connectionString) : SqlVault
{
    /// <inheritdoc />
    protected override string BlobType => "BYTEA";

    /// <inheritdoc />
    public override SqlDialect Dialect => SqlDialect.PostgreSql;

    /// <inheritdoc />
    protected override DbConnection Connect()
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }

    /// <inheritdoc />
    protected override void ApplyScope(DbConnection connection, DbTransaction transaction, IReadOnlySet<string> scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        // An empty scope sees nothing: "-" names no source (source names are identifiers).
        using var command = Command(connection, transaction, "SELECT set_config('tessera.scope', $1, true)", scope.Count == 0 ? "-" : string.Join(",", scope.Order(StringComparer.Ordinal)));
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public override IDeliveryWriter Begin(string source)
    {
        var connection = Connect();
        try
        {
            var id = NextDeliveryId(connection);
            return new SqlDeliveryWriter(connection, connection.BeginTransaction(), id, CreateSink);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    internal override void BulkInsert(DbConnection connection, DbTransaction transaction, string schema, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        using var importer = ((NpgsqlConnection)connection).BeginBinaryImport(
            $"COPY {DeliverySql.Quote(schema)}.{DeliverySql.Quote(table)} ({string.Join(", ", columns.Select(DeliverySql.Quote))}) FROM STDIN (FORMAT BINARY)");
        foreach (var values in rows)
        {
            importer.StartRow();
            foreach (var value in values)
            {
                switch (value)
                {
                    case null: importer.WriteNull(); break;
                    case string text: importer.Write(text, NpgsqlDbType.Varchar); break;
                    case long number: importer.Write(number, NpgsqlDbType.Bigint); break;
                    case double real: importer.Write(real, NpgsqlDbType.Double); break;
                    case DateTime time: importer.Write(DateTime.SpecifyKind(time, DateTimeKind.Unspecified), NpgsqlDbType.Timestamp); break;
                    default: throw new ArgumentException($"Cannot copy a {value.GetType().Name}.", nameof(rows));
                }
            }
        }

        importer.Complete();
    }

    private static IRowSink CreateSink(DbConnection connection, TableLayout table, long deliveryId)
    {
        var columns = string.Join(", ", new[] { TableLayout.DeliveryColumn, TableLayout.RowColumn }.Concat(table.Columns.Select(c => c.Name)).Select(DeliverySql.Quote));
        var importer = ((NpgsqlConnection)connection).BeginBinaryImport($"COPY {DeliverySql.Rows(table)} ({columns}) FROM STDIN (FORMAT BINARY)");
        return new CopySink(connection, importer, table, deliveryId);
    }

    private sealed class CopySink(DbConnection connection, NpgsqlBinaryImporter importer, TableLayout table, long deliveryId) : IRowSink
    {
        private bool _complete;

        public void Append(long row, ReadOnlySpan<StoredValue> values, ReadOnlySpan<byte[]?> sealedValues)
        {
            importer.StartRow();
            importer.Write(deliveryId, NpgsqlDbType.Bigint);
            importer.Write(row, NpgsqlDbType.Bigint);
            for (var i = 0; i < values.Length; i++)
            {
                var value = values[i];
                if (table.Columns[i].Type == StoreType.Sealed)
                {
                    if (sealedValues[i] is { } bytes)
                    {
                        importer.Write(bytes, NpgsqlDbType.Bytea);
                    }
                    else
                    {
                        importer.WriteNull();
                    }

                    continue;
                }

                switch (value.Kind)
                {
                    case StoredKind.Integer: importer.Write(value.Integer, NpgsqlDbType.Bigint); break;
                    case StoredKind.Decimal: importer.Write(value.Decimal, NpgsqlDbType.Numeric); break;
                    case StoredKind.Date: importer.Write(DateOnly.FromDateTime(value.Time), NpgsqlDbType.Date); break;
                    case StoredKind.Timestamp: importer.Write(value.Time, NpgsqlDbType.Timestamp); break;
                    case StoredKind.Text: importer.Write(value.Text!, NpgsqlDbType.Varchar); break;
                    default: importer.WriteNull(); break;
                }
            }
        }

        public void Complete()
        {
            if (!_complete)
            {
                _complete = true;
                importer.Complete();
                importer.Dispose();

                // The checks that follow (keys, references, duplicates) select this delivery's rows: with statistics
                // from before the copy, the planner takes them for one row and loops over the whole table for each —
                // a month of child-welfare data at a million people took minutes per reference check.
                using var analyze = connection.CreateCommand();
                analyze.CommandText = $"ANALYZE {DeliverySql.Rows(table)}";
                analyze.CommandTimeout = 0;
                analyze.ExecuteNonQuery();
            }
        }

        public void Dispose() => importer.Dispose();
    }
}
