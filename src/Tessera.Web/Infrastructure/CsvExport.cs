using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace Tessera.Web.Infrastructure;

/// <summary>
/// Turns a table into a CSV download. Every table in the app offers one. Cells that a
/// spreadsheet would run as a formula (starting with = + - @ or a tab) are prefixed with an
/// apostrophe, so an exported value can never execute on the reader's machine.
/// </summary>
public static class CsvExport
{
    /// <summary>A file result named <paramref name="fileName"/> holding <paramref name="header"/> and <paramref name="rows"/>.</summary>
    public static FileContentResult File(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', header.Select(Escape)));
        foreach (var row in rows)
        {
            text.AppendLine(string.Join(',', row.Select(cell => Escape(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? ""))));
        }

        return new FileContentResult(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8") { FileDownloadName = fileName };
    }

    /// <summary>Quotes a cell when needed and neutralises formula prefixes.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
