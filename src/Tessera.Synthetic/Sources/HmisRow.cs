using System.Globalization;
using Tessera.Intake.Hmis;
using Tessera.Synthetic.Output;

namespace Tessera.Synthetic.Sources;

/// <summary>One row of an HMIS CSV file, filled by column name and written in HUD's column order.</summary>
internal sealed class HmisRow(HmisCsvFile file)
{
    private readonly string?[] _values = new string?[file.Columns.Count];

    public HmisRow Set(string column, string? value)
    {
        _values[file.IndexOf(column)] = value;
        return this;
    }

    public HmisRow Set(string column, int? value) => Set(column, value?.ToString(CultureInfo.InvariantCulture));

    public HmisRow Set(string column, DateOnly? value) => Set(column, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Sets DateCreated/DateUpdated as HUD timestamps, and the UserID and ExportID every row carries.</summary>
    public HmisRow Audit(DateOnly created, DateOnly updated, string userId, string exportId)
    {
        Set("DateCreated", created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 09:15:00");
        Set("DateUpdated", updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 16:40:00");
        if (file.Name != "User.csv")
        {
            Set("UserID", userId);
        }

        return Set("ExportID", exportId);
    }

    public void WriteTo(CsvBuffer buffer)
    {
        foreach (var value in _values)
        {
            buffer.F(value);
        }

        buffer.End();
    }
}
