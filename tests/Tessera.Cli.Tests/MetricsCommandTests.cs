using Tessera.Tests;

namespace Tessera.Cli.Tests;

/// <summary><c>tessera report hud-spm</c> and <c>tessera metrics</c> as a user runs them.</summary>
public sealed class MetricsCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tessera-metrics-cli-").FullName;

    private string PathOf(string name) => Path.Combine(_root, name);

    [Fact]
    public async Task The_SPM_report_prints_one_row_per_cell_in_HUDs_addressing()
    {
        Assert.Equal(0, (await Cli.Run("init", PathOf("ws"))).Code);
        var (code, _, error) = await Cli.Run("ingest", "--workspace", PathOf("ws"), "--source", "homelessness", SharedData.HmisTestKit);
        Assert.True(code == 0, error);

        (code, var output, error) = await Cli.Run("report", "hud-spm", "--workspace", PathOf("ws"), "--from", "2020-10-01", "--to", "2021-09-30", "--format", "csv");

        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("table,cell,value", lines[0]);
        Assert.Contains("3.2,C3,56", lines);
        Assert.Contains("7b.1,C2,280", lines);
        Assert.Contains("7b.1,C4,74.6%", lines);
        Assert.Contains(lines, l => l.StartsWith("2,J7,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_date_or_a_workspace_without_HMIS_data_is_a_plain_error()
    {
        Assert.Equal(0, (await Cli.Run("init", PathOf("ws"))).Code);

        var (code, _, error) = await Cli.Run("report", "hud-spm", "--workspace", PathOf("ws"), "--from", "10/01/2020", "--to", "2021-09-30");
        Assert.Equal(2, code);
        Assert.Contains("YYYY-MM-DD", error, StringComparison.Ordinal);

        (code, _, error) = await Cli.Run("report", "hud-spm", "--workspace", PathOf("ws"), "--from", "2020-10-01", "--to", "2021-09-30");
        Assert.Equal(2, code);
        Assert.Contains("No HMIS source has data yet", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_are_listed_computed_and_shown_as_csv()
    {
        var (code, _, error) = await Cli.Run("demo", "--workspace", PathOf("ws"), "--people", "400", "--no-serve");
        Assert.True(code == 0, error);

        (code, var output, error) = await Cli.Run("metrics", "list", "--workspace", PathOf("ws"));
        Assert.True(code == 0, error);
        Assert.Contains("wioa-employment-q2", output, StringComparison.Ordinal);

        (code, output, error) = await Cli.Run("metrics", "compute", "--workspace", PathOf("ws"), "--metric", "acm-referral-to-enrolment");
        Assert.True(code == 0, error);
        Assert.Contains("1 metric(s) computed", output, StringComparison.Ordinal);

        (code, output, error) = await Cli.Run("metrics", "show", "acm-referral-to-enrolment", "--workspace", PathOf("ws"), "--by", "provider_id", "--from", "2024-01-01", "--to", "2024-12-31", "--format", "csv");
        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("metric,group,period_start,period_end,numerator,denominator,value", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^acm-referral-to-enrolment,WF0[1-7],2024-\d\d-01,2024-\d\d-\d\d,\d+,\d+,[0-9.E-]+$", l));

        Assert.Equal(0, (await Cli.Run("metrics", "compute", "--workspace", PathOf("ws"), "--metric", "acm-referral-to-enrolment")).Code);
        (code, output, error) = await Cli.Run("metrics", "show", "acm-referral-to-enrolment", "--workspace", PathOf("ws"), "--runs");
        Assert.True(code == 0, error);
        var runs = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, runs.Length); // the demo's, and two here
        Assert.All(runs, r => Assert.Contains("deliveries workforce#", r, StringComparison.Ordinal));
        var first = runs[1].Split(' ')[1].TrimStart('#');
        (code, var earlier, error) = await Cli.Run("metrics", "show", "acm-referral-to-enrolment", "--workspace", PathOf("ws"), "--run", first, "--by", "provider_id", "--from", "2024-01-01", "--to", "2024-12-31", "--format", "csv");
        Assert.True(code == 0, error);
        Assert.Equal(lines, earlier.Split('\n', StringSplitOptions.RemoveEmptyEntries)); // the run shown earlier, figure for figure
        Assert.Equal(2, (await Cli.Run("metrics", "show", "acm-referral-to-enrolment", "--workspace", PathOf("ws"), "--run", "999")).Code);

        Directory.CreateDirectory(PathOf("ws/metrics"));
        await File.WriteAllTextAsync(PathOf("ws/metrics/typo.yaml"), "id: typo\ntitle: Typo\ndescription: A typo.\npopulation: { source: workforce, file: enrolments, anchor: exit_date }\nvalue: count\n");
        (code, output, error) = await Cli.Run("metrics", "list", "--workspace", PathOf("ws"));
        Assert.True(code == 0, error);
        Assert.Contains("'enrolments' is not a file of workforce", output, StringComparison.Ordinal);
        (code, _, error) = await Cli.Run("metrics", "compute", "--metric", "typo", "--workspace", PathOf("ws"));
        Assert.Equal(2, code);
        Assert.Contains("'enrolments' is not a file of workforce", error + output, StringComparison.Ordinal);

        (code, _, error) = await Cli.Run("metrics", "show", "acm-referral-to-enrolment", "--workspace", PathOf("ws"), "--by", "county");
        Assert.Equal(2, code);
        Assert.Contains("no breakdown 'county'", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
