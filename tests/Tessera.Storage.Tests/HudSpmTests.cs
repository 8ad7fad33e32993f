using System.Globalization;
using Tessera.Storage.Reporting;
using Tessera.Tests;

namespace Tessera.Storage.Tests;

/// <summary>
/// HUD's System Performance Measures against HUD's Data Lab test kit 2.0 (report period
/// 2020-10-01 to 2021-09-30). The kit's README lists the cells still disputed in HUD's open
/// questions; every other cell the report computes must equal the kit's expected value.
/// </summary>
public sealed class HudSpmTests
{
    private static readonly DateOnly From = new(2020, 10, 1);
    private static readonly DateOnly To = new(2021, 9, 30);

    private static readonly (string Table, string Cell)[] Undisputed =
    [
        ("1a", "C2"), ("1a", "C3"), ("3.2", "C3"), ("3.2", "C4"), ("5.1", "C2"), ("5.2", "C2"), ("7a.1", "C2"), ("7a.1", "C3"), ("7a.1", "C4"),
        ("7b.1", "C2"), ("7b.1", "C3"), ("7b.2", "C2"), ("7b.2", "C3"),
        .. new[] { "4.1", "4.2", "4.3", "4.4", "4.5", "4.6" }.SelectMany(t => new[] { (t, "C2"), (t, "C3"), (t, "C4") }),
    ];

    public static TheoryData<Engine> Engines => new(Engine.Embedded, Engine.PostgreSql);

    [Theory]
    [MemberData(nameof(Engines))]
    public void Every_undisputed_cell_of_HUDs_test_kit_is_reproduced(Engine engine)
    {
        var report = Report(engine);

        foreach (var (table, cell) in Undisputed)
        {
            var computed = report.Cells.Single(c => c.Table == table && c.Cell == cell).Value;
            Assert.True(Expected(table, cell) == computed, $"{table} {cell}: expected {Expected(table, cell)}, computed {computed}");
        }

        Assert.Equal("XX-500", report.Coc);
    }

    [Fact]
    public void Both_engines_give_the_same_report()
    {
        var embedded = Report(Engine.Embedded).Cells;
        var server = Report(Engine.PostgreSql).Cells;

        Assert.Equal(embedded, server);
    }

    [Fact]
    public void Derived_cells_follow_from_the_counts()
    {
        var cells = Report(Engine.Embedded).Cells.ToDictionary(c => (c.Table, c.Cell), c => c.Value);
        long N(string table, string cell) => long.Parse(cells[(table, cell)], CultureInfo.InvariantCulture);

        Assert.Equal(N("5.2", "C2") - N("5.2", "C3"), N("5.2", "C4"));
        Assert.Equal("74.6%", cells[("7b.1", "C4")]);
        Assert.Equal("88.4%", cells[("7b.2", "C4")]);
        Assert.Equal(Enumerable.Range(2, 5).Sum(row => N("2", "B" + row)), N("2", "B7"));
    }

    [Fact]
    public void An_enrollment_recorded_in_another_CoC_counts_there_and_not_here()
    {
        var ours = Report(Engine.Embedded).Cells.Single(c => c.Table == "3.2" && c.Cell == "C3").Value;
        using var test = new TestWorkspace();
        test.Ingest("homelessness", SharedData.HmisTestKit);
        var theirs = HudSpmRun.Run(test.Workspace, null, From, To, "XX-501").Cells.Single(c => c.Table == "3.2" && c.Cell == "C3").Value;

        Assert.Equal("56", ours);
        Assert.Equal("1", theirs); // the kit's one ES enrollment recorded in XX-501
    }

    [Fact]
    public void An_FY2024_export_without_EnrollmentCoC_is_reported()
    {
        using var test = new TestWorkspace();
        var county = Path.Combine(test.Root, "county");
        new Synthetic.CountyGenerator(new Synthetic.SynthOptions { People = 3_000, Seed = 3, Months = 6 }).Generate(county);
        foreach (var month in Directory.GetDirectories(Path.Combine(county, "homelessness")).Order(StringComparer.Ordinal))
        {
            Assert.True(test.Ingest("homelessness", month).Succeeded);
        }

        var cells = HudSpmRun.Run(test.Workspace, null, new DateOnly(2023, 1, 1), new DateOnly(2023, 6, 30), null).Cells.ToDictionary(c => (c.Table, c.Cell), c => c.Value);

        Assert.True(long.Parse(cells[("3.2", "C2")], CultureInfo.InvariantCulture) > 0);
        Assert.True(long.Parse(cells[("7b.1", "C2")], CultureInfo.InvariantCulture) > 0);
        Assert.True(long.Parse(cells[("1a", "C2")], CultureInfo.InvariantCulture) > 0);
        Assert.True(decimal.Parse(cells[("1b", "E3")], CultureInfo.InvariantCulture) > 0);
    }

    private static HudSpmResult Report(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        test.Ingest("homelessness", SharedData.HmisTestKit);
        return HudSpmRun.Run(test.Workspace, null, From, To, null);
    }

    /// <summary>A cell of the kit's expected file for <paramref name="table"/>, e.g. ("3.2", "C3").</summary>
    private static string Expected(string table, string cell)
    {
        var lines = File.ReadAllLines(Path.Combine(SharedData.HmisTestKit, "..", "expected", "spm", table + ".csv"));
        var row = int.Parse(cell[1..], CultureInfo.InvariantCulture);
        return lines[row - 1].Split(',')[cell[0] - 'A'];
    }
}
