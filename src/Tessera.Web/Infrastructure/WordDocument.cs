using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.Mvc;

namespace Tessera.Web.Infrastructure;

/// <summary>
/// A plain Word document (headings, paragraphs, tables) built with the Open XML SDK, for the
/// pages people paste into RFPs and contracts. Headings use Word's built-in styles, so the
/// document's outline and accessibility checker work as in any document typed by hand.
/// </summary>
public sealed class WordDocument
{
    private readonly List<OpenXmlElement> _body = [];

    /// <summary>Adds a heading of <paramref name="level"/> (1 is the title).</summary>
    public WordDocument Heading(string text, int level)
    {
        _body.Add(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Heading" + level }), new Run(new Text(text))));
        return this;
    }

    /// <summary>Adds a paragraph.</summary>
    public WordDocument Paragraph(string text)
    {
        _body.Add(new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));
        return this;
    }

    /// <summary>Adds a table whose first row is its header.</summary>
    public WordDocument Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(header, bold: true, repeat: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, bold: false, repeat: false));
        }

        _body.Add(table);
        _body.Add(new Paragraph());
        return this;
    }

    /// <summary>The document as a download named <paramref name="fileName"/>.</summary>
    public FileContentResult File(string fileName)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(_body.Select(e => e.CloneNode(true))));
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(HeadingStyle(1, 32), HeadingStyle(2, 26), HeadingStyle(3, 22));
            document.PackageProperties.Title = _body.OfType<Paragraph>().FirstOrDefault()?.InnerText;
        }

        return new FileContentResult(stream.ToArray(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document") { FileDownloadName = fileName };
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool bold, bool repeat)
    {
        var row = new TableRow();
        if (repeat)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var cell in cells)
        {
            var run = new Run(new Text(cell) { Space = SpaceProcessingModeValues.Preserve });
            if (bold)
            {
                run.PrependChild(new RunProperties(new Bold()));
            }

            row.Append(new TableCell(new Paragraph(run)));
        }

        return row;
    }

    private static Style HeadingStyle(int level, int halfPoints) =>
        new(new StyleName { Val = "heading " + level }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = level - 1 }),
            new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Type = StyleValues.Paragraph, StyleId = "Heading" + level,
        };
}
