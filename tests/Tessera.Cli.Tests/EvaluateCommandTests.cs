namespace Tessera.Cli.Tests;

/// <summary>
/// <c>tessera evaluate</c> as an analyst's script runs it on a demo workspace: each kind prints the
/// header its command promises, the record comes back with <c>show</c>, and bad requests exit 2
/// with what was expected.
/// </summary>
public sealed class EvaluateCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tessera-evaluate-cli-").FullName;

    private string Workspace => Path.Combine(_root, "ws");

    [Fact]
    public async Task Each_evaluation_prints_its_promised_csv_header_and_bad_requests_exit_2()
    {
        var (code, _, error) = await Cli.Run("demo", "--workspace", Workspace, "--people", "3000", "--no-serve");
        Assert.True(code == 0, error);

        foreach (var (arguments, header, rows) in new (string[], string, int)[]
        {
            (["dose-response", "--metric", "fp-reinvolvement-12m", "--dose", "months_of_service", "--bands", "0-3,3+", "--replicates", "100"], "band,persons,outcomes,rate,ci_low,ci_high,adjusted_rate,adjusted_ci_low,adjusted_ci_high", 2),
            (["disparity", "--metric", "hmis-household-exit-to-permanent-housing", "--by", "race", "--reference", "others"], "group,persons,outcomes,rate,ratio,ci_low,ci_high", -1),
            (["rdd", "--outcome", "cw-rereport-after-assessment-12m", "--score", "risk_score", "--cutoff", "45", "--bandwidth", "30"], "estimate,se,ci_low,ci_high,bandwidth,n_left,n_right,density_p", 1),
            (["before-after", "--metric", "twogen-parent-employment-after-subsidy", "--quarters", "4"], "quarter,persons,outcomes,rate,ci_low,ci_high", 9),
        })
        {
            (code, var output, error) = await Cli.Run(["evaluate", .. arguments, "--format", "csv", "--workspace", Workspace]);
            Assert.True(code == 0, $"{arguments[0]}: {error}");
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(header, lines[0]);
            Assert.True(rows < 0 ? lines.Length > 2 : lines.Length == rows + 1, $"{arguments[0]}: {output}");
        }

        (code, var list, error) = await Cli.Run("evaluate", "list", "--workspace", Workspace);
        Assert.True(code == 0, error);
        Assert.Equal(4, list.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        (code, var json, error) = await Cli.Run("evaluate", "show", "1", "--format", "json", "--workspace", Workspace);
        Assert.True(code == 0, error);
        Assert.Contains("\"metric_id\": \"fp-reinvolvement-12m\"", json, StringComparison.Ordinal);
        Assert.Contains("\"seed\": 1", json, StringComparison.Ordinal);

        foreach (var (arguments, expected) in new (string[], string)[]
        {
            (["dose-response", "--metric", "fp-reinvolvement-12m", "--dose", "months_of_service", "--bands", "3+"], "two or more bands"),
            (["dose-response", "--metric", "fp-reinvolvement-12m", "--dose", "months", "--bands", "0-3,3+"], "not a field"),
            (["dose-response", "--metric", "wioa-median-earnings-q2", "--dose", "exit_reason", "--bands", "A,B"], "not a rate"),
            (["disparity", "--metric", "hmis-household-exit-to-permanent-housing", "--by", "race", "--reference", "Martian"], "The groups are:"),
            (["rdd", "--outcome", "fp-reinvolvement-12m", "--score", "provider_id", "--cutoff", "2"], "not a number"),
            (["compare", "--metric", "hmis-household-exit-to-permanent-housing", "--participation", "race"], "It records: job_training"),
        })
        {
            (code, _, error) = await Cli.Run(["evaluate", .. arguments, "--workspace", Workspace]);
            Assert.Equal(2, code);
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
