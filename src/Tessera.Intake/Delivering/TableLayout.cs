using Tessera.Intake.Dictionaries;

namespace Tessera.Intake.Delivering;

/// <summary>
/// The vault table behind one dictionary file: every delivered version of every row, tagged with
/// its delivery and row number. A row's direct identifiers are sealed together in one column; an
/// encrypted birth date gets a plaintext year-month column because metrics need ages. When a source's
/// dictionaries differ by version (HMIS FY2022 vs FY2026), the table holds the union of their
/// columns and a delivery fills those its version has.
/// </summary>
public sealed class TableLayout
{
    /// <summary>Column holding the delivery a row came in.</summary>
    public const string DeliveryColumn = "_delivery";

    /// <summary>Column holding the row's direct identifiers, sealed together (see <see cref="IdentifierEnvelope"/>).</summary>
    public const string IdentifiersColumn = "_identifiers";

    /// <summary>Column holding the row's number in its file (the header is row 1).</summary>
    public const string RowColumn = "_row";

    private TableLayout(string source, string file, IReadOnlyList<StoredColumn> columns, IReadOnlyList<string> primaryKey, string? latestBy)
    {
        LatestBy = latestBy;
        Source = source;
        File = file;
        Columns = columns;
        PrimaryKey = primaryKey;
    }

    /// <summary>Source (and schema) name.</summary>
    public string Source { get; }

    /// <summary>Dictionary file name as written in the dictionary, e.g. "Client".</summary>
    public string File { get; }

    /// <summary>Schema name in the vault (the source).</summary>
    public string Schema => Source;

    /// <summary>Table holding all delivered rows, e.g. "client_rows".</summary>
    public string RowsTable => File.ToLowerInvariant() + "_rows";

    /// <summary>View of the current rows, e.g. "client".</summary>
    public string CurrentView => File.ToLowerInvariant();

    /// <summary>Data columns after the two system columns, in table order.</summary>
    public IReadOnlyList<StoredColumn> Columns { get; }

    /// <summary>Primary key column names (lower case); empty when rows only accumulate.</summary>
    public IReadOnlyList<string> PrimaryKey { get; }

    /// <summary>Column ordering versions of a row within one delivery (see <see cref="FileDefinition.LatestBy"/>), or null.</summary>
    public string? LatestBy { get; }

    /// <summary>The column holding the blind index of the standard identity <paramref name="identity"/>, e.g. "_ssn_index".</summary>
    public static string BlindIndexColumn(string identity) => "_" + identity + "_index";

    /// <summary>The lower-case column name of a dictionary field.</summary>
    public static string ColumnName(string field) => field.ToLowerInvariant();

    /// <summary>The layout for one file as defined in each of <paramref name="versions"/> of the dictionary.</summary>
    /// <exception cref="DictionaryException">Two versions give the same field different storage types.</exception>
    public static TableLayout For(string source, IReadOnlyList<FileDefinition> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var columns = new List<StoredColumn>();
        var byName = new Dictionary<string, StoredColumn>(StringComparer.Ordinal);
        foreach (var file in versions)
        {
            foreach (var field in file.Fields)
            {
                foreach (var column in ColumnsOf(field))
                {
                    if (byName.TryGetValue(column.Name, out var existing))
                    {
                        if (existing.Type != column.Type)
                        {
                            throw new DictionaryException($"Field {file.Name}.{field.Name} is stored as {column.Type} in one dictionary version and {existing.Type} in another; a field's type and sensitivity cannot change between versions.");
                        }

                        continue;
                    }

                    byName[column.Name] = column;
                    columns.Add(column);
                }
            }
        }

        if (versions.Any(file => file.Fields.Any(f => f.IsEncrypted)))
        {
            columns.Add(new StoredColumn(IdentifiersColumn, StoreType.Sealed, "", false));
        }

        // Keyed hashes of the identifiers looked up by equality (see BlindIndex), e.g. "_ssn_index".
        foreach (var (identity, field) in versions.SelectMany(f => f.Identity.Where(i => Governance.Keys.BlindIndex.Indexed.Contains(i.Key) && f.Field(i.Value)?.IsEncrypted == true)).DistinctBy(i => i.Key))
        {
            columns.Add(new StoredColumn(BlindIndexColumn(identity), StoreType.BigInt, field, false, identity));
        }

        var first = versions[0];
        return new TableLayout(source, first.Name, columns, first.PrimaryKey.Select(ColumnName).ToList(), first.LatestBy is null ? null : ColumnName(first.LatestBy));
    }

    private static IEnumerable<StoredColumn> ColumnsOf(FieldDefinition field)
    {
        var name = ColumnName(field.Name);
        if (field.IsEncrypted)
        {
            if (field.Kind is FieldType.Date or FieldType.DateTime)
            {
                yield return new StoredColumn(name + DictionaryValidator.YearMonthSuffix, StoreType.Text, field.Name, true);
            }

            yield break;
        }

        yield return new StoredColumn(name, field.Kind switch
        {
            FieldType.Integer => StoreType.BigInt,
            FieldType.Decimal or FieldType.Money => StoreType.Decimal,
            FieldType.Date => StoreType.Date,
            FieldType.DateTime => StoreType.Timestamp,
            _ => StoreType.Text,
        }, field.Name, false);
    }
}
