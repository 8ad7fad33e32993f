using System.Globalization;
using Tessera.Intake.Dictionaries;

namespace Tessera.Intake.Delivering;

/// <summary>
/// SQL for the checks that need a whole delivery (duplicate keys, references, consistency),
/// run inside the delivery's transaction. Written in the subset DuckDB and PostgreSQL share;
/// every identifier comes from a validated dictionary and every literal is a number or an
/// escaped code, so nothing delivered is ever spliced into SQL.
/// </summary>
public static class DeliverySql
{
    /// <summary>The ledger's schema.</summary>
    public const string LedgerSchema = "tessera";

    /// <summary>A quoted identifier.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The qualified name of a layout's rows table.</summary>
    public static string Rows(TableLayout table) => Quote(table.Schema) + "." + Quote(table.RowsTable);

    /// <summary>Rows (under <paramref name="alias"/>) that count as present: this delivery's and those of current deliveries.</summary>
    public static string Visible(string alias, string source, long deliveryId) =>
        string.Create(CultureInfo.InvariantCulture, $"({alias}.{Quote(TableLayout.DeliveryColumn)} = {deliveryId} OR {alias}.{Quote(TableLayout.DeliveryColumn)} IN (SELECT id FROM {LedgerSchema}.deliveries WHERE source = '{source}' AND status = 'current'))");

    private static string ThisDelivery(string alias, long deliveryId) =>
        string.Create(CultureInfo.InvariantCulture, $"{alias}.{Quote(TableLayout.DeliveryColumn)} = {deliveryId}");

    private static string KeyText(string alias, IReadOnlyList<string> columns) =>
        string.Join(" || '|' || ", columns.Select(c => $"COALESCE(CAST({alias}.{Quote(c)} AS VARCHAR), '')"));

    /// <summary>How many of this delivery's rows repeat a key; zero (the usual case) lets the costlier listing be skipped.</summary>
    public static string CountRepeatedKeys(TableLayout table, long deliveryId)
    {
        ArgumentNullException.ThrowIfNull(table);
        var identity = table.LatestBy is null ? table.PrimaryKey : [.. table.PrimaryKey, table.LatestBy];
        var key = identity.Count == 1 ? $"r.{Quote(identity[0])}" : "(" + string.Join(", ", identity.Select(k => $"r.{Quote(k)}")) + ")";
        return $"SELECT COUNT(*) - COUNT(DISTINCT {key}) FROM {Rows(table)} r WHERE {ThisDelivery("r", deliveryId)}";
    }

    /// <summary>This delivery's rows whose primary key occurs more than once in it: (row, key).</summary>
    public static string DuplicateKeys(TableLayout table, long deliveryId) =>
        $"SELECT r.{Quote(TableLayout.RowColumn)}, {KeyText("r", table.PrimaryKey)} FROM {Rows(table)} r WHERE {ThisDelivery("r", deliveryId)} AND {DuplicateCondition(table, "r", deliveryId)} ORDER BY 1";

    /// <summary>Removes this delivery's rows with duplicate keys (after they were quarantined).</summary>
    public static string DeleteDuplicateKeys(TableLayout table, long deliveryId) =>
        $"DELETE FROM {Rows(table)} WHERE {ThisDelivery(Rows(table), deliveryId)} AND {DuplicateCondition(table, Rows(table), deliveryId)}";

    private static string DuplicateCondition(TableLayout table, string alias, long deliveryId)
    {
        var identity = table.LatestBy is null ? table.PrimaryKey : [.. table.PrimaryKey, table.LatestBy];
        var keys = string.Join(", ", identity.Select(Quote));
        var outer = string.Join(", ", identity.Select(k => $"{alias}.{Quote(k)}"));
        return $"({outer}) IN (SELECT {keys} FROM {Rows(table)} d WHERE {ThisDelivery("d", deliveryId)} GROUP BY {keys} HAVING COUNT(*) > 1)";
    }

    /// <summary>This delivery's rows whose reference names no visible row of the target: (row, referenced key).</summary>
    public static string DanglingReferences(TableLayout table, TableLayout target, IReadOnlyList<string> fields, IReadOnlyList<string> to, long deliveryId, int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"SELECT r.{Quote(TableLayout.RowColumn)}, {KeyText("r", fields)} FROM {Rows(table)} r WHERE {DanglingCondition("r", table, target, fields, to, deliveryId)} ORDER BY 1 LIMIT {limit}");

    /// <summary>Number of this delivery's rows with a dangling reference.</summary>
    public static string CountDanglingReferences(TableLayout table, TableLayout target, IReadOnlyList<string> fields, IReadOnlyList<string> to, long deliveryId) =>
        $"SELECT COUNT(*) FROM {Rows(table)} r WHERE {DanglingCondition("r", table, target, fields, to, deliveryId)}";

    /// <summary>Removes this delivery's rows with a dangling reference (after they were quarantined).</summary>
    public static string DeleteDanglingReferences(TableLayout table, TableLayout target, IReadOnlyList<string> fields, IReadOnlyList<string> to, long deliveryId) =>
        $"DELETE FROM {Rows(table)} WHERE {DanglingCondition(Rows(table), table, target, fields, to, deliveryId)}";

    private static string DanglingCondition(string alias, TableLayout table, TableLayout target, IReadOnlyList<string> fields, IReadOnlyList<string> to, long deliveryId)
    {
        var present = string.Join(" AND ", fields.Select(f => $"{alias}.{Quote(f)} IS NOT NULL"));
        var match = string.Join(" AND ", fields.Zip(to, (f, t) => $"t.{Quote(t)} = {alias}.{Quote(f)}"));
        return $"{ThisDelivery(alias, deliveryId)} AND {present} AND NOT EXISTS (SELECT 1 FROM {Rows(target)} t WHERE {match} AND {Visible("t", table.Source, deliveryId)})";
    }

    /// <summary>Number of this delivery's rows hitting <paramref name="check"/>.</summary>
    public static string CountCheck(SourceDictionary dictionary, FileDefinition file, CheckDefinition check, Func<string, TableLayout> layoutOf, long deliveryId)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(layoutOf);
        var table = layoutOf(file.Name);
        var from = $"{Rows(table)} r";
        if (check.Missing is { } missing)
        {
            return $"SELECT COUNT(*) FROM {from} WHERE {ThisDelivery("r", deliveryId)} AND r.{Quote(TableLayout.ColumnName(missing))} IS NULL";
        }

        if (check.Value is { } value)
        {
            var field = file.Field(value.Field)!;
            var literals = string.Join(", ", value.In.Select(v => field.Kind == FieldType.Integer
                ? long.Parse(v, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
                : "'" + v.Replace("'", "''", StringComparison.Ordinal) + "'"));
            return $"SELECT COUNT(*) FROM {from} WHERE {ThisDelivery("r", deliveryId)} AND r.{Quote(TableLayout.ColumnName(value.Field))} IN ({literals})";
        }

        var (first, firstJoin) = Operand(dictionary, file, check.Order[0], layoutOf, deliveryId);
        var (second, secondJoin) = Operand(dictionary, file, check.Order[1], layoutOf, deliveryId);
        var joins = string.Join(" ", new[] { firstJoin, secondJoin }.Where(j => j.Length > 0));
        return $"SELECT COUNT(DISTINCT r.{Quote(TableLayout.RowColumn)}) FROM {from} {joins} WHERE {ThisDelivery("r", deliveryId)} AND {first} IS NOT NULL AND {second} IS NOT NULL AND {second} < {first}";
    }

    private static (string Expression, string Join) Operand(SourceDictionary dictionary, FileDefinition file, string name, Func<string, TableLayout> layoutOf, long deliveryId)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return ($"r.{Quote(TableLayout.ColumnName(name))}", "");
        }

        var targetName = name[..dot];
        var reference = file.References.First(r => string.Equals(r.File, targetName, StringComparison.OrdinalIgnoreCase));
        var target = dictionary.File(targetName)!;
        var to = reference.To.Count > 0 ? reference.To : target.PrimaryKey;
        var layout = layoutOf(target.Name);
        var alias = "j_" + target.Name.ToLowerInvariant();
        var on = string.Join(" AND ", reference.Fields.Zip(to, (f, t) => $"{alias}.{Quote(TableLayout.ColumnName(t))} = r.{Quote(TableLayout.ColumnName(f))}"));
        return ($"{alias}.{Quote(TableLayout.ColumnName(name[(dot + 1)..]))}", $"JOIN {Rows(layout)} {alias} ON {on} AND {Visible(alias, layout.Source, deliveryId)}");
    }
}
