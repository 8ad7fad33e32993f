using System.Text;
using Microsoft.AspNetCore.Mvc;
using Tessera.Core.Text;

namespace Tessera.Web.Infrastructure;

/// <summary>
/// Turns a table into a CSV download. Every table in the app offers one, written by the same
/// <see cref="CsvWriter"/> as the command line's, formulas neutralised.
/// </summary>
public static class CsvExport
{
    /// <summary>A file result named <paramref name="fileName"/> holding <paramref name="header"/> and <paramref name="rows"/>.</summary>
    public static FileContentResult File(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        using var text = new StringWriter();
        var csv = new CsvWriter(text);
        csv.Row(header);
        foreach (var row in rows)
        {
            csv.Row(row);
        }

        return new FileContentResult(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8") { FileDownloadName = fileName };
    }
}
