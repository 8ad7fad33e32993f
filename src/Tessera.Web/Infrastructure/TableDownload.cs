using Microsoft.AspNetCore.Mvc;

namespace Tessera.Web.Infrastructure;

/// <summary>A table as the file a user asked for: CSV (the default) or an Excel workbook (<c>xlsx</c>).</summary>
public static class TableDownload
{
    /// <summary>The table as <paramref name="format"/> ("csv" or "xlsx"), named <paramref name="name"/> with the format's extension.</summary>
    public static FileContentResult File(string? format, string name, string sheet, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows) =>
        format == "xlsx" ? SpreadsheetExport.File(name + ".xlsx", sheet, header, rows) : CsvExport.File(name + ".csv", header, rows);
}
