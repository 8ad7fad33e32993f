using System.Globalization;
using Tessera.Intake.Dictionaries;
using Tessera.Intake.Reading;

namespace Tessera.Intake.Hmis;

/// <summary>
/// What an HMIS export's <c>Export.csv</c> says about it — the CSV version, the period it covers
/// and whether it is a full or delta refresh — and which of the shipped HMIS dictionaries reads
/// it. The version is checked against the files' headers, because some exports declare one
/// version and carry another's columns.
/// </summary>
public sealed record HmisExport(SourceDictionary Dictionary, DateOnly Start, DateOnly End, bool FullRefresh, string CsvVersion, string? Note)
{
    /// <summary>Reads Export.csv from <paramref name="files"/> and chooses among <paramref name="candidates"/>.</summary>
    /// <exception cref="DeliveryRejectedException">No Export.csv, an unreadable one, or no dictionary fits the headers.</exception>
    public static HmisExport Identify(IReadOnlyList<DeliveryFile> files, IReadOnlyList<SourceDictionary> candidates)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(candidates);
        var exportFile = files.FirstOrDefault(f => string.Equals(f.Stem, "Export", StringComparison.OrdinalIgnoreCase))
            ?? throw new DeliveryRejectedException("The HMIS export has no Export.csv; every HMIS CSV export starts with it (it names the CSV version and the export period).");
        var export = ReadExportRow(exportFile);
        var version = Value(export, "CSVVersion", exportFile);
        var start = DateValue(export, "ExportStartDate", exportFile);
        var end = DateValue(export, "ExportEndDate", exportFile);
        if (end < start)
        {
            throw new DeliveryRejectedException($"{exportFile.DisplayPath} row 2: ExportEndDate {end:yyyy-MM-dd} is before ExportStartDate {start:yyyy-MM-dd}.");
        }

        var directive = Value(export, "ExportDirective", exportFile);
        var headers = files.Where(f => !f.IsParquet).ToDictionary(f => f.Stem, ReadHeader, StringComparer.OrdinalIgnoreCase);
        var declared = candidates.Where(c => c.CsvVersions.Contains(version, StringComparer.OrdinalIgnoreCase)).ToList();
        var fitting = candidates.Where(c => Fits(c, headers)).ToList();
        var chosen = declared.FirstOrDefault(fitting.Contains) ?? fitting.FirstOrDefault();
        if (chosen is null)
        {
            var closest = declared.FirstOrDefault() ?? candidates[0];
            throw new DeliveryRejectedException(
                $"The HMIS export's files do not match any supported HMIS CSV version (it declares CSVVersion '{version}'). Against {closest.Title}: {Mismatch(closest, headers)}");
        }

        var note = declared.Contains(chosen) ? null : $"Export.csv declares CSVVersion '{version}', but the files have the columns of {chosen.Title}; read as {chosen.Title}.";
        return new HmisExport(chosen, start, end, directive == "2", version, note);
    }

    private static Dictionary<string, string> ReadExportRow(DeliveryFile file)
    {
        var scan = FileScan.Of(file);
        using var rows = CsvRowSource.Open(file, scan.Encoding);
        if (!rows.Read())
        {
            throw new DeliveryRejectedException($"{file.DisplayPath} has a header but no row; expected one row describing the export.");
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rows.Header.Count && i < rows.FieldCount; i++)
        {
            values[rows.Header[i].Trim()] = rows.Text(i).Trim().ToString();
        }

        return values;
    }

    private static string Value(Dictionary<string, string> row, string column, DeliveryFile file) =>
        row.TryGetValue(column, out var value) && value.Length > 0
            ? value
            : throw new DeliveryRejectedException($"{file.DisplayPath} row 2, column {column}: missing; expected a value.");

    private static DateOnly DateValue(Dictionary<string, string> row, string column, DeliveryFile file)
    {
        var text = Value(row, column, file);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new DeliveryRejectedException($"{file.DisplayPath} row 2, column {column}: '{text}' is not a date written yyyy-MM-dd.");
    }

    private static IReadOnlyList<string> ReadHeader(DeliveryFile file)
    {
        // HUD's column names are ASCII, so the header reads the same in any of the accepted encodings.
        using var rows = CsvRowSource.Open(file, TextEncodingKind.Utf8);
        return rows.Header.Select(h => h.Trim()).ToList();
    }

    private static bool Fits(SourceDictionary dictionary, Dictionary<string, IReadOnlyList<string>> headers) =>
        headers.All(pair => dictionary.File(pair.Key) is { } file
            && file.Fields.Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(pair.Value));

    private static string Mismatch(SourceDictionary dictionary, Dictionary<string, IReadOnlyList<string>> headers)
    {
        foreach (var (stem, header) in headers.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (dictionary.File(stem) is not { } file)
            {
                return $"{stem}.csv is not a file of that version.";
            }

            var expected = file.Fields.Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var missing = expected.Except(header, StringComparer.OrdinalIgnoreCase).ToList();
            var extra = header.Except(expected, StringComparer.OrdinalIgnoreCase).ToList();
            if (missing.Count + extra.Count > 0)
            {
                return $"{stem}.csv" + (missing.Count > 0 ? $" lacks column(s) {string.Join(", ", missing.Take(8))}" : "") + (extra.Count > 0 ? $" has unexpected column(s) {string.Join(", ", extra.Take(8))}" : "") + ".";
            }
        }

        return "the headers differ.";
    }
}
