using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Mvc;

namespace Tessera.Web.Infrastructure;

/// <summary>
/// Turns a table into an Excel workbook (.xlsx, one sheet) with the Open XML SDK, for finance
/// offices that work in Excel: numbers are numbers, dates are written yyyy-MM-dd, and text is
/// stored as text, so a cell that begins with <c>=</c> is never a formula.
/// </summary>
public static class SpreadsheetExport
{
    /// <summary>A file result named <paramref name="fileName"/> holding a sheet named <paramref name="sheet"/> with <paramref name="header"/> and <paramref name="rows"/>.</summary>
    public static FileContentResult File(string fileName, string sheet, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(header.Cast<object?>().ToList()));
            foreach (var row in rows)
            {
                data.Append(Row(row));
            }

            worksheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = sheet }));
        }

        return new FileContentResult(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") { FileDownloadName = fileName };
    }

    private static Row Row(IReadOnlyList<object?> cells)
    {
        var row = new Row();
        foreach (var value in cells)
        {
            row.Append(value switch
            {
                null => new Cell(),
                int or long or decimal or double => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!) },
                DateOnly day => Text(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                _ => Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
            });
        }

        return row;
    }

    private static Cell Text(string text) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) };
}
