using Tessera.Metrics.Hud;

namespace Tessera.Metrics.Tests;

/// <summary>How the SPM cells are derived from the counts the query returns.</summary>
public sealed class SpmReportTests
{
    [Fact]
    public void Length_of_time_homeless_gives_persons_average_and_median_nights()
    {
        // 1a.1: persons with 10, 10, 20 and 61 nights; 1a.2: one person with 7 nights.
        var cells = Cells(("lot:1a.1", "10", 2), ("lot:1a.1", "20", 1), ("lot:1a.1", "61", 1), ("lot:1a.2", "7", 1));

        Assert.Equal("4", cells[("1a", "C2")]);
        Assert.Equal("25.25", cells[("1a", "E2")]);
        Assert.Equal("15", cells[("1a", "H2")]);
        Assert.Equal("1", cells[("1a", "C3")]);
        Assert.Equal("7.00", cells[("1a", "E3")]);
        Assert.Equal("7", cells[("1a", "H3")]);
    }

    [Fact]
    public void A_median_between_two_persons_keeps_its_half_night()
    {
        var cells = Cells(("lot:1b.1", "3", 1), ("lot:1b.1", "6", 1));

        Assert.Equal("4.5", cells[("1b", "H2")]);
        Assert.Equal("4.50", cells[("1b", "E2")]);
    }

    [Fact]
    public void A_measure_nobody_is_in_reports_zero()
    {
        var cells = Cells();

        Assert.Equal("0", cells[("1b", "C3")]);
        Assert.Equal("0.00", cells[("1b", "E3")]);
        Assert.Equal("0", cells[("1b", "H3")]);
    }

    private static Dictionary<(string, string), string> Cells(params (string Table, string Cell, long Count)[] counts) =>
        SpmReport.Cells(counts).ToDictionary(c => (c.Table, c.Cell), c => c.Value);
}
