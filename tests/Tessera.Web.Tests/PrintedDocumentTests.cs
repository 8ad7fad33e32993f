using Tessera.Web.Infrastructure;
using UglyToad.PdfPig;

namespace Tessera.Web.Tests;

/// <summary>Printed documents read back with PdfPig: what was written is on the pages, in order, and long tables break across pages with their header.</summary>
public sealed class PrintedDocumentTests
{
    private static string[] PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))];
    }

    [Fact]
    public void A_long_table_breaks_across_pages_and_repeats_its_header_on_each()
    {
        var pdf = new PrintedDocument("Rows", "footer text")
            .Heading("Two hundred rows", 1)
            .Table(["Row", "Value"], Enumerable.Range(1, 200).Select(i => (IReadOnlyList<string>)[$"row-{i}", $"value-{i * 7}"]))
            .ToArray();

        var pages = PageTexts(pdf);
        Assert.True(pages.Length >= 4, $"{pages.Length} pages");
        Assert.All(pages, p => Assert.Contains("Row Value", p, StringComparison.Ordinal));
        Assert.All(pages.Select((p, i) => (p, i)), x => Assert.Contains($"Page {x.i + 1}", x.p, StringComparison.Ordinal));
        var all = string.Join(" ", pages);
        Assert.All(Enumerable.Range(1, 200), i => Assert.Contains($"row-{i} value-{i * 7}", all, StringComparison.Ordinal));
    }

    [Fact]
    public void Paragraphs_wrap_within_the_margins_and_keep_every_word()
    {
        var words = Enumerable.Range(1, 400).Select(i => $"word{i}").ToList();
        var pdf = new PrintedDocument("Text", "footer").Paragraph(string.Join(" ", words)).ToArray();

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var found = page.GetWords().Select(w => w.Text).Where(w => w.StartsWith("word", StringComparison.Ordinal)).ToList();
        Assert.Equal(words, found);
        Assert.All(page.GetWords(), w => Assert.InRange(w.BoundingBox.Right, 0, page.Width - 50));
    }

    [Fact]
    public void A_chart_has_its_title_legend_and_period_labels_and_a_gap_where_a_value_is_missing()
    {
        var pdf = new PrintedDocument("Chart", "footer")
            .LineChart("WF01-2024: enrolments", ["2024-01", "2024-02", "2024-03"],
                [new ChartLine("Provider", [0.4, null, 0.6]), new ChartLine("Target", [0.5, 0.5, 0.5], Dashed: true)])
            .ToArray();

        var text = PageTexts(pdf)[0];
        using (var document = PdfDocument.Open(pdf))
        {
            // The missing February is a gap, not a point at some invalid coordinate.
            var drawn = string.Join("\n", document.GetPage(1).Operations.Select(o => o.ToString()));
            Assert.DoesNotContain("NaN", drawn, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Infinity", drawn, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("WF01-2024: enrolments", text, StringComparison.Ordinal);
        Assert.Contains("Provider", text, StringComparison.Ordinal);
        Assert.Contains("Target", text, StringComparison.Ordinal);
        Assert.Contains("2024-03", text, StringComparison.Ordinal);
    }
}
