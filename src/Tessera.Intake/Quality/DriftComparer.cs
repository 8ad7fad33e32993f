using System.Globalization;

namespace Tessera.Intake.Quality;

/// <summary>
/// Compares a delivery's profile with the source's previous one and keeps the changes worth a
/// look: a file's row count moving by more than half, a field's completeness moving by more than
/// 10 percentage points, or a coded field's distribution shifting by more than 0.2 (total
/// variation distance: half the sum of absolute differences in shares).
/// </summary>
public static class DriftComparer
{
    /// <summary>Relative change in row count that is reported.</summary>
    public const double RowCountChange = 0.5;

    /// <summary>Change in completeness (share of rows filled) that is reported.</summary>
    public const double CompletenessChange = 0.10;

    /// <summary>Total variation distance between code distributions that is reported.</summary>
    public const double CodeShift = 0.20;

    /// <summary>The findings for <paramref name="current"/> against <paramref name="previous"/>.</summary>
    public static List<DriftFinding> Compare(QualityReport current, QualityReport previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        var findings = new List<DriftFinding>();
        foreach (var file in current.Files)
        {
            if (previous.Files.Find(f => f.File == file.File) is not { } before)
            {
                continue;
            }

            if (before.RowsRead > 0 && Math.Abs(file.RowsRead - before.RowsRead) > RowCountChange * before.RowsRead)
            {
                findings.Add(new DriftFinding
                {
                    File = file.File, Measure = "row_count", Previous = before.RowsRead, Current = file.RowsRead,
                    Message = string.Create(CultureInfo.InvariantCulture, $"{file.File}: {file.RowsRead:N0} rows against {before.RowsRead:N0} in the previous delivery."),
                });
            }

            foreach (var field in file.Fields)
            {
                if (before.Fields.Find(f => f.Field == field.Field) is not { } old || old.Rows == 0 || field.Rows == 0)
                {
                    continue;
                }

                if (Math.Abs(field.Completeness - old.Completeness) > CompletenessChange)
                {
                    findings.Add(new DriftFinding
                    {
                        File = file.File, Field = field.Field, Measure = "completeness", Previous = old.Completeness, Current = field.Completeness,
                        Message = string.Create(CultureInfo.InvariantCulture, $"{file.File}.{field.Field} is filled in {field.Completeness:P0} of rows against {old.Completeness:P0} before."),
                    });
                }

                var shift = Distance(field.Codes, old.Codes);
                if (shift > CodeShift)
                {
                    findings.Add(new DriftFinding
                    {
                        File = file.File, Field = field.Field, Measure = "codes", Previous = 0, Current = shift,
                        Message = string.Create(CultureInfo.InvariantCulture, $"{file.File}.{field.Field}: the mix of codes moved by {shift:P0} (total variation distance) from the previous delivery."),
                    });
                }
            }
        }

        return findings;
    }

    private static double Distance(Dictionary<string, long> now, Dictionary<string, long> before)
    {
        double nowTotal = now.Values.Sum(), beforeTotal = before.Values.Sum();
        if (nowTotal == 0 || beforeTotal == 0)
        {
            return 0;
        }

        return 0.5 * now.Keys.Union(before.Keys).Sum(code =>
            Math.Abs(now.GetValueOrDefault(code) / nowTotal - before.GetValueOrDefault(code) / beforeTotal));
    }
}
