using Tessera.Intake.Dictionaries;

namespace Tessera.Metrics.Definitions;

/// <summary>A field a metric names, resolved to the file (main or joined) that holds it.</summary>
/// <param name="Alias">The SQL alias of that file's rows ("p", "p1", …).</param>
/// <param name="Field">The field's definition.</param>
public sealed record FieldReference(string Alias, FieldDefinition Field)
{
    /// <summary>
    /// Resolves <paramref name="name"/> ("release_date", or "Enrollment.ProjectID" for a joined
    /// file) in <paramref name="rows"/>; null when no such field exists.
    /// </summary>
    public static FieldReference? Resolve(RowSelection rows, IMetricSchema schema, string alias, string name)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(name);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return Find(schema.File(rows.Source, rows.File), alias, name);
        }

        var (file, field) = (name[..dot], name[(dot + 1)..]);
        var join = rows.Join.FindIndex(j => string.Equals(j.File, file, StringComparison.OrdinalIgnoreCase));
        return join < 0 ? null : Find(schema.File(rows.Source, rows.Join[join].File), alias + (join + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), field);
    }

    private static FieldReference? Find(IReadOnlyList<FileDefinition> files, string alias, string name) =>
        files.Select(f => f.Field(name)).FirstOrDefault(f => f is not null) is { } field ? new FieldReference(alias, field) : null;

    /// <summary>The stored column, e.g. <c>p1."projectid"</c>.</summary>
    public string Sql => $"{Alias}.\"{Field.Name.ToLowerInvariant()}\"";
}
