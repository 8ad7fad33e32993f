namespace Tessera.Intake.Hmis;

/// <summary>One file of an HMIS CSV export, e.g. <c>Client.csv</c>, with its columns in HUD's order.</summary>
/// <param name="Name">File name inside the export, e.g. "Enrollment.csv".</param>
/// <param name="Columns">Column names exactly as HUD spells them.</param>
public sealed record HmisCsvFile(string Name, IReadOnlyList<string> Columns)
{
    /// <summary>Zero-based position of <paramref name="column"/>; throws when the file has no such column.</summary>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == column)
            {
                return i;
            }
        }

        throw new ArgumentException($"{Name} has no column '{column}'.", nameof(column));
    }
}
