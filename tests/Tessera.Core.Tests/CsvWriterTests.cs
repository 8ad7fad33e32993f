using Tessera.Core.Text;

namespace Tessera.Core.Tests;

public class CsvWriterTests
{
    [Theory]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1 555 0100 call me", "'+1 555 0100 call me")]
    [InlineData("-sum(A1)", "'-sum(A1)")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tindented", "'\tindented")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("+3", "+3")]
    [InlineData("plain", "plain")]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_starts_with_an_apostrophe(string value, string written) =>
        Assert.Equal(written, CsvWriter.Cell(value));

    [Theory]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Cells_with_commas_quotes_or_line_breaks_are_quoted(string value, string written) =>
        Assert.Equal(written, CsvWriter.Cell(value));

    [Fact]
    public void Values_are_written_invariantly_and_dates_as_iso()
    {
        using var text = new StringWriter();
        new CsvWriter(text).Row("x", null, 12L, 0.1 + 0.2, 1234.5m, new DateOnly(2024, 5, 31), true);

        Assert.Equal("x,,12,0.30000000000000004,1234.5,2024-05-31,true\n", text.ToString());
    }

    [Fact]
    public void Files_read_back_by_Tessera_keep_their_identifiers_as_they_are()
    {
        using var text = new StringWriter();
        new CsvWriter(text, neutraliseFormulas: false).Row("=A1", "b,c");

        Assert.Equal("=A1,\"b,c\"\n", text.ToString());
    }
}
