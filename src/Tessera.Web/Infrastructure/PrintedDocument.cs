using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Tessera.Web.Infrastructure;

/// <summary>
/// A printable PDF (A4 or Letter is the printer's business: US Letter here) built with PDFsharp:
/// headings, wrapped paragraphs, bullet lists, tables whose header repeats on each page, and line
/// charts (drawn here with PDFsharp's graphics: its charting module fails on missing values). Pages break by themselves; a heading never ends a page.
/// For packets people take to a meeting, where a browser's "print to PDF" would need someone to
/// press the buttons.
/// </summary>
public sealed class PrintedDocument
{
    private const double Margin = 54;
    private const double BodySize = 10;
    private static readonly XColor Ink = XColor.FromArgb(0x1b, 0x1b, 0x1b);
    private static readonly XColor Rule = XColor.FromArgb(0xa9, 0xae, 0xb1);
    private static readonly XColor Shade = XColor.FromArgb(0xf0, 0xf0, 0xf0);

    // The USWDS palette's first colours, as the site's charts use them.
    private static readonly XColor[] Palette =
    [
        XColor.FromArgb(0x00, 0x5e, 0xa2), XColor.FromArgb(0xd5, 0x43, 0x09), XColor.FromArgb(0x00, 0x8a, 0x3e),
        XColor.FromArgb(0x71, 0x3f, 0xa0), XColor.FromArgb(0x5c, 0x5c, 0x5c),
    ];

    private readonly PdfDocument _pdf = new();
    private readonly string _footer;
    private PdfPage _page = null!;
    private XGraphics _graphics = null!;
    private double _y;

    /// <summary>A new document titled <paramref name="title"/>, each page footed with <paramref name="footer"/> and its number.</summary>
    public PrintedDocument(string title, string footer)
    {
        PrintFonts.Register();
        _pdf.Info.Title = title;
        _pdf.Info.Creator = "Tessera";
        _pdf.Options.CompressContentStreams = true;
        _footer = footer;
        NewPage();
    }

    private double Width => _page.Width.Point - (2 * Margin);

    private double Bottom => _page.Height.Point - Margin - 18;

    /// <summary>Adds a heading of <paramref name="level"/> (1 is the title); it starts a new page when <paramref name="newPage"/>, or when little room is left.</summary>
    public PrintedDocument Heading(string text, int level, bool newPage = false)
    {
        var font = Font(level switch { 1 => 20, 2 => 14, _ => 12 }, XFontStyleEx.Bold);
        if (newPage && _y > Margin)
        {
            NewPage();
        }

        Room(font.Height * 2 + 60);
        _y += level == 1 ? 0 : 8;
        Lines(text, font, Margin, Width);
        _y += 4;
        return this;
    }

    /// <summary>Adds a paragraph, wrapped to the page.</summary>
    public PrintedDocument Paragraph(string text, bool bold = false)
    {
        Lines(text, Font(BodySize, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular), Margin, Width);
        _y += 6;
        return this;
    }

    /// <summary>Adds a bulleted list.</summary>
    public PrintedDocument Bullets(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var font = Font(BodySize, XFontStyleEx.Regular);
        foreach (var item in items)
        {
            Room(font.Height);
            _graphics.DrawString("•", font, new XSolidBrush(Ink), Margin + 4, _y + font.Height * 0.8);
            Lines(item, font, Margin + 16, Width - 16);
            _y += 2;
        }

        _y += 4;
        return this;
    }

    /// <summary>
    /// Adds a table: <paramref name="header"/> shaded and repeated on each page, cells wrapped,
    /// column widths in proportion to <paramref name="weights"/> (equal when none).
    /// </summary>
    public PrintedDocument Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var total = weights?.Sum() ?? header.Count;
        var widths = header.Select((_, i) => Width * (weights?[i] ?? 1) / total).ToArray();
        var font = Font(BodySize - 1, XFontStyleEx.Regular);
        var bold = Font(BodySize - 1, XFontStyleEx.Bold);
        Room(bold.Height * 4);
        Row(header, widths, bold, shaded: true);
        foreach (var row in rows)
        {
            var height = RowHeight(row, widths, font);
            if (_y + height > Bottom)
            {
                NewPage();
                Row(header, widths, bold, shaded: true);
            }

            Row(row, widths, font, shaded: false);
        }

        _y += 8;
        return this;
    }

    /// <summary>
    /// Adds a line chart titled <paramref name="title"/>: one point per <paramref name="labels"/>
    /// entry, each series a line with a gap where a value is missing, dashed where asked, under a
    /// legend; the value axis has five gridlines labelled with <paramref name="valueFormat"/>.
    /// </summary>
    public PrintedDocument LineChart(string title, IReadOnlyList<string> labels, IReadOnlyList<ChartLine> series, string valueFormat = "0.##")
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(series);
        const double height = 190;
        var small = Font(7.5, XFontStyleEx.Regular);
        Room(height + 40);
        Lines(title, Font(BodySize, XFontStyleEx.Bold), Margin, Width);

        // The legend, one entry per series, above the plot.
        var x = Margin;
        for (var i = 0; i < series.Count; i++)
        {
            var pen = Pen(i, series[i].Dashed);
            _graphics.DrawLine(pen, x, _y + 6, x + 18, _y + 6);
            _graphics.DrawString(series[i].Label, small, new XSolidBrush(Ink), x + 22, _y + 9);
            x += 30 + _graphics.MeasureString(series[i].Label, small).Width;
        }

        _y += 16;
        var values = series.SelectMany(s => s.Values).OfType<double>().Where(double.IsFinite).ToList();
        var (low, high) = values.Count == 0 ? (0d, 1d) : (values.Min(), values.Max());
        if (low >= 0 && low <= (high - low))
        {
            low = 0; // rates and counts start at zero unless they sit far above it
        }

        if (high - low < 1e-9)
        {
            (low, high) = (low - 0.5, high + 0.5);
        }

        var plot = new XRect(Margin + 36, _y + 4, Width - 44, height - 34);
        var gridPen = new XPen(Shade, 0.6);
        for (var k = 0; k <= 4; k++)
        {
            var value = low + ((high - low) * k / 4);
            var y = plot.Bottom - (plot.Height * k / 4);
            _graphics.DrawLine(k == 0 ? new XPen(Rule, 0.8) : gridPen, plot.Left, y, plot.Right, y);
            var text = value.ToString(valueFormat, CultureInfo.InvariantCulture);
            _graphics.DrawString(text, small, new XSolidBrush(Ink), plot.Left - 4 - _graphics.MeasureString(text, small).Width, y + 2.5);
        }

        double X(int i) => labels.Count <= 1 ? plot.Left + (plot.Width / 2) : plot.Left + (plot.Width * i / (labels.Count - 1));
        double Y(double v) => plot.Bottom - (plot.Height * (v - low) / (high - low));
        var every = Math.Max(1, (int)Math.Ceiling(labels.Count / 12.0));
        for (var i = 0; i < labels.Count; i += every)
        {
            var width = _graphics.MeasureString(labels[i], small).Width;
            _graphics.DrawString(labels[i], small, new XSolidBrush(Ink), X(i) - (width / 2), plot.Bottom + 11);
        }

        for (var s = 0; s < series.Count; s++)
        {
            var pen = Pen(s, series[s].Dashed);
            var brush = new XSolidBrush(pen.Color);
            var points = series[s].Values.Take(labels.Count).Select((v, i) => v is { } d && double.IsFinite(d) ? new XPoint(X(i), Y(d)) : (XPoint?)null).ToList();
            for (var i = 0; i < points.Count; i++)
            {
                if (points[i] is not { } point)
                {
                    continue;
                }

                if (i + 1 < points.Count && points[i + 1] is { } next)
                {
                    _graphics.DrawLine(pen, point, next);
                }

                if (!series[s].Dashed)
                {
                    _graphics.DrawEllipse(brush, point.X - 1.8, point.Y - 1.8, 3.6, 3.6);
                }
            }
        }

        _y += height;
        return this;
    }

    private static XPen Pen(int series, bool dashed) =>
        new(Palette[series % Palette.Length], dashed ? 1 : 1.6) { DashStyle = dashed ? XDashStyle.Dash : XDashStyle.Solid };

    /// <summary>The document as PDF bytes; the document is finished.</summary>
    public byte[] ToArray()
    {
        Footer();
        _graphics.Dispose();
        using var stream = new MemoryStream();
        _pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static XFont Font(double size, XFontStyleEx style) => new(PrintFonts.Family, size, style);

    private void NewPage()
    {
        if (_graphics is not null)
        {
            Footer();
            _graphics.Dispose();
        }

        _page = _pdf.AddPage();
        _page.Size = PdfSharp.PageSize.Letter;
        _graphics = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }

    private void Footer()
    {
        var font = Font(8, XFontStyleEx.Regular);
        var number = string.Create(CultureInfo.InvariantCulture, $"Page {_pdf.PageCount}");
        _graphics.DrawString(_footer, font, new XSolidBrush(Rule), Margin, _page.Height.Point - Margin / 2);
        _graphics.DrawString(number, font, new XSolidBrush(Ink), _page.Width.Point - Margin - _graphics.MeasureString(number, font).Width, _page.Height.Point - Margin / 2);
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points fit on this one.</summary>
    private void Room(double height)
    {
        if (_y + height > Bottom)
        {
            NewPage();
        }
    }

    /// <summary>Writes <paramref name="text"/> wrapped to <paramref name="width"/>, breaking pages between lines.</summary>
    private void Lines(string text, XFont font, double left, double width)
    {
        foreach (var line in Wrap(text, font, width))
        {
            Room(font.Height);
            _graphics.DrawString(line, font, new XSolidBrush(Ink), left, _y + font.Height * 0.8);
            _y += font.Height * 1.15;
        }
    }

    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && _graphics.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(line);
                    line = word;
                }
                else
                {
                    line = candidate;
                }

                // A word wider than the column (an id, a URL) is cut where it must be.
                while (_graphics.MeasureString(line, font).Width > width && line.Length > 1)
                {
                    var fits = line.Length - 1;
                    while (fits > 1 && _graphics.MeasureString(line[..fits], font).Width > width)
                    {
                        fits--;
                    }

                    lines.Add(line[..fits]);
                    line = line[fits..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    private double RowHeight(IReadOnlyList<string> cells, double[] widths, XFont font) =>
        (cells.Select((c, i) => Wrap(c, font, widths[i] - 8).Count).DefaultIfEmpty(1).Max() * font.Height * 1.15) + 6;

    private void Row(IReadOnlyList<string> cells, double[] widths, XFont font, bool shaded)
    {
        var height = RowHeight(cells, widths, font);
        if (shaded)
        {
            _graphics.DrawRectangle(new XSolidBrush(Shade), Margin, _y, Width, height);
        }

        var x = Margin;
        for (var i = 0; i < widths.Length; i++)
        {
            var lineY = _y + 3;
            foreach (var line in Wrap(i < cells.Count ? cells[i] : "", font, widths[i] - 8))
            {
                _graphics.DrawString(line, font, new XSolidBrush(Ink), x + 4, lineY + font.Height * 0.8);
                lineY += font.Height * 1.15;
            }

            x += widths[i];
        }

        _graphics.DrawLine(new XPen(Rule, 0.5), Margin, _y + height, Margin + Width, _y + height);
        _y += height;
    }
}
