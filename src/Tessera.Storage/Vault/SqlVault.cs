using System.Data.Common;
using System.Globalization;
using Tessera.Intake.Delivering;
using Tessera.Metrics.Sql;

namespace Tessera.Storage.Vault;

/// <summary>
/// The person-level store shared by both engines: a ledger of deliveries, a quarantine, and per
/// source one table of every delivered row version plus a view of the current rows. The view
/// keeps, for each primary key, the row from the current delivery with the latest period (then
/// the latest delivery), and drops rows an HMIS marked deleted — so a correction replaces, a
/// re-delivery never doubles, and history stays in the table.
/// </summary>
public abstract class SqlVault : IDeliveryStore
{
    /// <summary>Opens a new connection.</summary>
    protected abstract DbConnection Connect();

    /// <summary>The engine's name for a byte column.</summary>
    protected abstract string BlobType { get; }

    /// <summary>The SQL dialect metrics compile to for this engine.</summary>
    public abstract SqlDialect Dialect { get; }

    /// <summary>Opens a new connection for the stores built on the vault (the person index).</summary>
    internal DbConnection Open() => Connect();

    /// <summary>
    /// Appends <paramref name="rows"/> to <paramref name="schema"/>.<paramref name="table"/> inside
    /// <paramref name="transaction"/> the engine's fastest way (DuckDB's appender, PostgreSQL's
    /// binary COPY). Values are strings, longs, doubles, UTC timestamps or null, in the order of
    /// <paramref name="columns"/>.
    /// </summary>
    internal abstract void BulkInsert(DbConnection connection, DbTransaction transaction, string schema, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows);

    /// <summary>True when <paramref name="source"/>'s file has a view of current rows (it has had a delivery).</summary>
    public bool HasRows(string source, string file)
    {
        using var connection = Connect();
        using var command = Command(connection, null, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2", source, file.ToLowerInvariant());
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>
    /// Reads <paramref name="columns"/> (stored names) of a source file's current rows, in delivery
    /// and row order, as invariant text (null when empty); the sealed identifiers come last when
    /// <paramref name="withIdentifiers"/> is set. Only linkage and the release builder read rows this way.
    /// </summary>
    internal void ReadCurrent(string source, string file, IReadOnlyList<string> columns, bool withIdentifiers, Action<string?[], byte[]?> row, IReadOnlyList<(string Column, string Value)>? where = null)
    {
        var values = new string?[columns.Count];
        ReadCurrentValues(source, file, columns, withIdentifiers, (raw, sealedBytes) =>
        {
            for (var c = 0; c < values.Length; c++)
            {
                values[c] = raw[c] is null ? null : Convert.ToString(raw[c], CultureInfo.InvariantCulture);
            }

            row(values, sealedBytes);
        }, where);
    }

    /// <summary>As <see cref="ReadCurrent"/>, with each value as the database gives it (dates as dates, amounts as decimals), null when empty.</summary>
    internal void ReadCurrentValues(string source, string file, IReadOnlyList<string> columns, bool withIdentifiers, Action<object?[], byte[]?> row, IReadOnlyList<(string Column, string Value)>? where = null)
    {
        using var connection = Connect();
        var selected = columns.Select(DeliverySql.Quote).ToList();
        if (withIdentifiers)
        {
            selected.Add(DeliverySql.Quote(TableLayout.IdentifiersColumn));
        }

        var filter = where is null || where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where.Select((w, i) => string.Create(CultureInfo.InvariantCulture, $"CAST({DeliverySql.Quote(w.Column)} AS VARCHAR) = ${i + 1}")));
        using var command = Command(connection, null,
            $"SELECT {string.Join(", ", selected)} FROM {DeliverySql.Quote(source)}.{DeliverySql.Quote(file.ToLowerInvariant())}{filter} ORDER BY {DeliverySql.Quote(TableLayout.DeliveryColumn)}, {DeliverySql.Quote(TableLayout.RowColumn)}",
            [.. (where ?? []).Select(w => (object?)w.Value)]);
        using var reader = command.ExecuteReader();
        var values = new object?[columns.Count];
        while (reader.Read())
        {
            for (var c = 0; c < values.Length; c++)
            {
                values[c] = reader.IsDBNull(c) ? null : reader.GetValue(c);
            }

            row(values, withIdentifiers && !reader.IsDBNull(columns.Count) ? Bytes(reader.GetValue(columns.Count)) : null);
        }
    }

    /// <summary>
    /// Keeps the store open until disposed, so a batch of work (an ingest, the demo's hundreds of
    /// deliveries) does not reopen it for every statement. Other processes wait meanwhile.
    /// </summary>
    public virtual IDisposable KeepOpen() => Connect();

    /// <summary>
    /// Tells the engine, inside <paramref name="transaction"/>, which sources the following queries
    /// may see — a second layer under the queries' own <c>source IN (…)</c>, where the engine has one.
    /// </summary>
    protected virtual void ApplyScope(DbConnection connection, DbTransaction transaction, IReadOnlySet<string> scope)
    {
    }

    /// <inheritdoc />
    public void EnsureTables(string source, IReadOnlyList<TableLayout> tables, bool dropsDeletedRows)
    {
        ArgumentNullException.ThrowIfNull(tables);
        using var connection = Connect();
        Execute(connection, null, $"CREATE SCHEMA IF NOT EXISTS {DeliverySql.Quote(source)}");
        foreach (var table in tables)
        {
            var existing = ExistingColumns(connection, table);
            if (existing.Count == 0)
            {
                var columns = string.Join(", ", table.Columns.Select(c => $"{DeliverySql.Quote(c.Name)} {ColumnDefinition(table, c)}"));
                Execute(connection, null, $"CREATE TABLE {DeliverySql.Rows(table)} ({DeliverySql.Quote(TableLayout.DeliveryColumn)} BIGINT NOT NULL, {DeliverySql.Quote(TableLayout.RowColumn)} BIGINT NOT NULL, {columns})");
            }
            else
            {
                foreach (var column in table.Columns.Where(c => !existing.Contains(c.Name)))
                {
                    Execute(connection, null, $"ALTER TABLE {DeliverySql.Rows(table)} ADD COLUMN {DeliverySql.Quote(column.Name)} {ColumnDefinition(table, column)}");
                }
            }

            Execute(connection, null, CurrentView(table, dropsDeletedRows && table.Columns.Any(c => c.Name == "datedeleted")));
        }
    }

    /// <summary>Column names the engine reports for <paramref name="table"/> (empty when it does not exist).</summary>
    protected virtual HashSet<string> ExistingColumns(DbConnection connection, TableLayout table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var command = Command(connection, null, "SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2", table.Schema, table.RowsTable);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static string CurrentView(TableLayout table, bool dropDeleted)
    {
        var columns = string.Join(", ", new[] { TableLayout.DeliveryColumn, TableLayout.RowColumn }.Concat(table.Columns.Select(c => c.Name)).Select(DeliverySql.Quote));
        var current = $"{DeliverySql.Rows(table)} r JOIN {DeliverySql.LedgerSchema}.deliveries d ON d.id = r.{DeliverySql.Quote(TableLayout.DeliveryColumn)} AND d.status = 'current'";
        var view = DeliverySql.Quote(table.Schema) + "." + DeliverySql.Quote(table.CurrentView);
        if (table.PrimaryKey.Count == 0)
        {
            return $"CREATE OR REPLACE VIEW {view} AS SELECT {string.Join(", ", columns.Split(", ").Select(c => "r." + c))} FROM {current}";
        }

        var keys = string.Join(", ", table.PrimaryKey.Select(k => "r." + DeliverySql.Quote(k)));
        var latest = table.LatestBy is null ? "" : $"r.{DeliverySql.Quote(table.LatestBy)} DESC NULLS LAST, ";
        var rank = $"ROW_NUMBER() OVER (PARTITION BY {keys} ORDER BY d.period_end DESC, d.id DESC, {latest}r.{DeliverySql.Quote(TableLayout.RowColumn)} DESC)";
        var deleted = dropDeleted ? " AND \"datedeleted\" IS NULL" : "";
        return $"CREATE OR REPLACE VIEW {view} AS SELECT {columns} FROM (SELECT r.*, {rank} AS _rank FROM {current}) x WHERE _rank = 1{deleted}";
    }

    /// <summary>A vault column's definition after its name: its type and any storage hint the engine takes.</summary>
    protected virtual string ColumnDefinition(TableLayout table, StoredColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return TypeName(column.Type);
    }

    /// <summary>The engine's column type for <paramref name="type"/>.</summary>
    protected string TypeName(StoreType type) => type switch
    {
        StoreType.BigInt => "BIGINT",
        StoreType.Decimal => "DECIMAL(18,4)",
        StoreType.Date => "DATE",
        StoreType.Timestamp => "TIMESTAMP",
        StoreType.Sealed => BlobType,
        _ => "VARCHAR",
    };

    /// <inheritdoc />
    public DeliveryLedgerEntry? FindAccepted(string source, string contentHash, string? provider = null) => provider is null
        ? Ledger("WHERE source = $1 AND content_hash = $2 AND provider IS NULL AND status IN ('current', 'superseded') ORDER BY id LIMIT 1", source, contentHash).FirstOrDefault()
        : Ledger("WHERE source = $1 AND content_hash = $2 AND provider = $3 AND status IN ('current', 'superseded') ORDER BY id LIMIT 1", source, contentHash, provider).FirstOrDefault();

    /// <summary>Content hashes of every accepted delivery, as (source, hash) pairs.</summary>
    public HashSet<(string Source, string Hash)> AcceptedContent()
    {
        using var connection = Connect();
        using var command = Command(connection, null, $"SELECT source, content_hash FROM {DeliverySql.LedgerSchema}.deliveries WHERE status IN ('current', 'superseded')");
        using var reader = command.ExecuteReader();
        var hashes = new HashSet<(string, string)>();
        while (reader.Read())
        {
            hashes.Add((reader.GetString(0), reader.GetString(1)));
        }

        return hashes;
    }

    /// <inheritdoc />
    public DeliveryLedgerEntry? LatestCurrent(string source, string? provider = null) => provider is null
        ? Ledger("WHERE source = $1 AND provider IS NULL AND status = 'current' ORDER BY id DESC LIMIT 1", source).FirstOrDefault()
        : Ledger("WHERE source = $1 AND provider = $2 AND status = 'current' ORDER BY id DESC LIMIT 1", source, provider).FirstOrDefault();

    /// <summary>
    /// Deliveries, newest first, optionally of one source; with <paramref name="scope"/>, only
    /// those of the sources in it — the query itself is limited, so a page that forgot to filter
    /// still cannot show another agency's deliveries.
    /// </summary>
    public IReadOnlyList<DeliveryLedgerEntry> Deliveries(string? source = null, IReadOnlySet<string>? scope = null) =>
        source is null ? ScopedLedger(scope, $"WHERE {InScope(scope, 1)} ORDER BY id DESC", [.. Scoped(scope)]) : ScopedLedger(scope, $"WHERE source = $1 AND {InScope(scope, 2)} ORDER BY id DESC", [source, .. Scoped(scope)]);

    /// <summary>One delivery, or null (also when it belongs to a source outside <paramref name="scope"/>).</summary>
    public DeliveryLedgerEntry? Delivery(long id, IReadOnlySet<string>? scope = null) => ScopedLedger(scope, $"WHERE id = $1 AND {InScope(scope, 2)}", [id, .. Scoped(scope)]).FirstOrDefault();

    // "source IN ($n, …)" for a scope, TRUE for none (everything), FALSE for an empty one.
    private static string InScope(IReadOnlySet<string>? scope, int firstParameter) =>
        scope is null ? "TRUE"
        : scope.Count == 0 ? "FALSE"
        : "source IN (" + string.Join(", ", Enumerable.Range(firstParameter, scope.Count).Select(i => "$" + i.ToString(CultureInfo.InvariantCulture))) + ")";

    private static IEnumerable<object> Scoped(IReadOnlySet<string>? scope) => scope?.Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>();

    /// <inheritdoc />
    public IReadOnlyList<long> Superseded(string source, DateOnly periodStart, DateOnly periodEnd, bool fullRefresh, string? provider = null)
    {
        // A provider's delivery replaces that provider's own only.
        object[] parameters = fullRefresh ? [source] : [source, periodStart, periodEnd];
        var condition = (fullRefresh ? "" : " AND period_start = $2 AND period_end = $3")
            + (provider is null ? " AND provider IS NULL" : string.Create(CultureInfo.InvariantCulture, $" AND provider = ${parameters.Length + 1}"));
        return Ledger($"WHERE source = $1 AND status = 'current'{condition} ORDER BY id", provider is null ? parameters : [.. parameters, provider]).Select(e => e.Id).ToList();
    }

    /// <summary>Quarantined rows of a delivery, in file and row order; none when the delivery's source is outside <paramref name="scope"/>.</summary>
    public IReadOnlyList<QuarantineEntry> Quarantined(long deliveryId, int limit = 10_000, IReadOnlySet<string>? scope = null)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        if (scope is not null)
        {
            ApplyScope(connection, transaction, scope);
        }

        using var command = Command(connection, transaction, string.Create(CultureInfo.InvariantCulture,
            $"SELECT file, row_number, column_name, rule, expected, plain_value, sealed_value FROM {DeliverySql.LedgerSchema}.quarantine WHERE delivery_id = $1 AND delivery_id IN (SELECT id FROM {DeliverySql.LedgerSchema}.deliveries WHERE {InScope(scope, 2)}) ORDER BY file, row_number LIMIT {limit}"),
            [deliveryId, .. Scoped(scope)]);
        using var reader = command.ExecuteReader();
        var entries = new List<QuarantineEntry>();
        while (reader.Read())
        {
            entries.Add(new QuarantineEntry(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), Enum.Parse<Intake.Validation.RuleBroken>(reader.GetString(3)),
                reader.IsDBNull(4) ? "" : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : Bytes(reader.GetValue(6))));
        }

        return entries;
    }

    /// <summary>
    /// The sealed identifier envelopes of a source file's current rows, with each row's number in
    /// its delivery; open them with <see cref="Intake.Delivering.IdentifierReader"/>. Linkage reads
    /// identifiers this way, and only this way.
    /// </summary>
    public IReadOnlyList<(long Row, byte[] Sealed)> SealedIdentifiers(string source, string file)
    {
        using var connection = Connect();
        using var command = Command(connection, null,
            $"SELECT {DeliverySql.Quote(TableLayout.RowColumn)}, {DeliverySql.Quote(TableLayout.IdentifiersColumn)} FROM {DeliverySql.Quote(source)}.{DeliverySql.Quote(file.ToLowerInvariant())} WHERE {DeliverySql.Quote(TableLayout.IdentifiersColumn)} IS NOT NULL ORDER BY 1");
        using var reader = command.ExecuteReader();
        var rows = new List<(long, byte[])>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), Bytes(reader.GetValue(1))));
        }

        return rows;
    }

    /// <summary>Row numbers of a source file's current rows whose blind-index column <paramref name="column"/> equals <paramref name="index"/>.</summary>
    public IReadOnlyList<long> RowsWithIndex(string source, string file, string column, long index)
    {
        using var connection = Connect();
        using var command = Command(connection, null,
            $"SELECT {DeliverySql.Quote(TableLayout.RowColumn)} FROM {DeliverySql.Quote(source)}.{DeliverySql.Quote(file.ToLowerInvariant())} WHERE {DeliverySql.Quote(column)} = $1 ORDER BY 1", index);
        using var reader = command.ExecuteReader();
        var rows = new List<long>();
        while (reader.Read())
        {
            rows.Add(reader.GetInt64(0));
        }

        return rows;
    }

    /// <summary>Empties <paramref name="columns"/> in every delivered row of <paramref name="table"/> (e.g. blind indexes of a shredded source).</summary>
    public void ClearColumns(TableLayout table, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columns);
        using var connection = Connect();
        var present = ExistingColumns(connection, table);
        var clear = columns.Where(present.Contains).ToList();
        if (clear.Count > 0)
        {
            Execute(connection, null, $"UPDATE {DeliverySql.Rows(table)} SET {string.Join(", ", clear.Select(c => DeliverySql.Quote(c) + " = NULL"))}");
        }
    }

    /// <summary>Each value of <paramref name="column"/> (a stored name) in a source file's current rows, with how many rows carry it; empty values left out.</summary>
    internal IReadOnlyList<(string Value, long Rows)> ValueCounts(string source, string file, string column)
    {
        using var connection = Connect();
        var quoted = DeliverySql.Quote(column);
        using var command = Command(connection, null,
            $"SELECT CAST({quoted} AS VARCHAR), COUNT(*) FROM {DeliverySql.Quote(source)}.{DeliverySql.Quote(file.ToLowerInvariant())} WHERE {quoted} IS NOT NULL GROUP BY 1 ORDER BY 1");
        using var reader = command.ExecuteReader();
        var counts = new List<(string, long)>();
        while (reader.Read())
        {
            counts.Add((reader.GetString(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)));
        }

        return counts;
    }

    /// <summary>Number of current rows in a source's file view.</summary>
    public long CountCurrent(string source, string file)
    {
        using var connection = Connect();
        using var command = Command(connection, null, $"SELECT COUNT(*) FROM {DeliverySql.Quote(source)}.{DeliverySql.Quote(file.ToLowerInvariant())}");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public abstract IDeliveryWriter Begin(string source);

    /// <inheritdoc />
    public void RecordRejection(DeliveryLedgerEntry entry, IReadOnlyList<QuarantineEntry> problems)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var writer = Begin(entry.Source);
        writer.Quarantine(problems);
        writer.Commit(entry with { Id = writer.DeliveryId }, []);
    }

    private List<DeliveryLedgerEntry> Ledger(string where, params object[] parameters) => ScopedLedger(null, where, parameters);

    private List<DeliveryLedgerEntry> ScopedLedger(IReadOnlySet<string>? scope, string where, params object[] parameters)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        if (scope is not null)
        {
            ApplyScope(connection, transaction, scope);
        }

        using var command = Command(connection, transaction, $"SELECT id, source, period_start, period_end, period_label, content_hash, status, status_reason, dictionary, full_refresh, received_utc, rows_read, rows_accepted, rows_quarantined, files, quality_json, provider FROM {DeliverySql.LedgerSchema}.deliveries {where}", parameters);
        using var reader = command.ExecuteReader();
        var entries = new List<DeliveryLedgerEntry>();
        while (reader.Read())
        {
            entries.Add(new DeliveryLedgerEntry
            {
                Id = reader.GetInt64(0), Source = reader.GetString(1),
                PeriodStart = reader.IsDBNull(2) ? default : DateOnly.FromDateTime(reader.GetDateTime(2)),
                PeriodEnd = reader.IsDBNull(3) ? default : DateOnly.FromDateTime(reader.GetDateTime(3)),
                PeriodLabel = reader.IsDBNull(4) ? "" : reader.GetString(4), ContentHash = reader.IsDBNull(5) ? "" : reader.GetString(5),
                Status = reader.GetString(6), StatusReason = reader.IsDBNull(7) ? null : reader.GetString(7),
                Dictionary = reader.IsDBNull(8) ? "" : reader.GetString(8), FullRefresh = !reader.IsDBNull(9) && reader.GetBoolean(9),
                ReceivedUtc = reader.GetDateTime(10), RowsRead = reader.GetInt64(11), RowsAccepted = reader.GetInt64(12),
                RowsQuarantined = reader.GetInt64(13), Files = reader.IsDBNull(14) ? "" : reader.GetString(14),
                QualityJson = reader.IsDBNull(15) ? null : reader.GetString(15), Provider = reader.IsDBNull(16) ? null : reader.GetString(16),
            });
        }

        return entries;
    }

    /// <summary>A byte column's value, which DuckDB returns as a stream and PostgreSQL as an array.</summary>
    internal static byte[] Bytes(object value)
    {
        if (value is byte[] bytes)
        {
            return bytes;
        }

        using var copy = new MemoryStream();
        ((Stream)value).CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Reserves the next delivery id on <paramref name="connection"/>.</summary>
    internal static long NextDeliveryId(DbConnection connection)
    {
        using var next = Command(connection, null, $"SELECT nextval('{DeliverySql.LedgerSchema}.delivery_ids')");
        return Convert.ToInt64(next.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params object?[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;

        // Vault statements are batch work (a delivery, a link run, a metric over every exit) that takes minutes
        // at a state's scale; Npgsql's 30-second default would abort them and roll the work back.
        command.CommandTimeout = 0;
        foreach (var value in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>
    /// Copies a relation (e.g. a file's current rows, a view over every delivery) into temporary table
    /// <paramref name="name"/> for one connection's statements. PostgreSQL gets its statistics at once:
    /// autovacuum never sees temporary tables, and without them the planner takes the copy for a few
    /// rows and loops over it.
    /// </summary>
    internal static void Snapshot(DbConnection connection, SqlDialect dialect, string name, string relation)
    {
        Execute(connection, null, $"CREATE TEMP TABLE {name} AS SELECT * FROM {relation}");
        if (dialect == SqlDialect.PostgreSql)
        {
            Execute(connection, null, $"ANALYZE {name}");
        }
    }

    internal static void Execute(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }
}
