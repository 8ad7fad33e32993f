namespace Tessera.Intake.Hmis;

/// <summary>One file of an HMIS CSV export, e.g. <c>Client.csv</c>, with its columns in HUD's order.</summary>
public sealed class HmisCsvFile
{
    private readonly Dictionary<string, int> _positions;

    /// <summary>Describes a file.</summary>
    /// <param name="name">File name inside the export, e.g. "Enrollment.csv".</param>
    /// <param name="columns">Column names exactly as HUD spells them, in HUD's order.</param>
    public HmisCsvFile(string name, IReadOnlyList<string> columns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(columns);
        Name = name;
        Columns = columns;
        _positions = columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>File name inside the export, e.g. "Enrollment.csv".</summary>
    public string Name { get; }

    /// <summary>Column names exactly as HUD spells them, in HUD's order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Zero-based position of <paramref name="column"/>; throws when the file has no such column.</summary>
    public int IndexOf(string column) =>
        _positions.TryGetValue(column, out var position)
            ? position
            : throw new ArgumentException($"{Name} has no column '{column}'.", nameof(column));
}
