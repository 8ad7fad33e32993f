using System.Globalization;

namespace Tessera.Cli.Tests;

/// <summary>
/// <c>tessera link</c> and <c>tessera review</c> as a user runs them on a demo workspace: link,
/// export, evaluate against the county's truth, split a person, link again.
/// </summary>
public sealed class LinkCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tessera-link-cli-").FullName;

    private string PathOf(string name) => Path.Combine(_root, name);

    [Fact]
    public async Task Link_exports_every_record_and_family_links_that_evaluate_against_the_truth()
    {
        var (code, output, error) = await Cli.Run("demo", "--workspace", PathOf("ws"), "--people", "400", "--no-serve");
        Assert.True(code == 0, error);
        Assert.Contains("person records into", output, StringComparison.Ordinal);

        (code, output, error) = await Cli.Run("link", "--workspace", PathOf("ws"), "--out", PathOf("out"));
        Assert.True(code == 0, error);
        Assert.Contains("0 new id(s), 0 merged, 0 split, 0 retired", output, StringComparison.Ordinal);
        var clusters = await File.ReadAllLinesAsync(PathOf("out/clusters.csv"));
        Assert.Equal("source,record_id,person_id,file", clusters[0]);
        var truth = await File.ReadAllLinesAsync(PathOf("ws/incoming/truth/records.csv"));
        Assert.Equal(truth.Length, clusters.Length);
        Assert.Equal("person_id_a,person_id_b,relation,evidence", (await File.ReadAllLinesAsync(PathOf("out/families.csv")))[0]);

        (code, output, error) = await Cli.Run("linkage", "evaluate", "--clusters", PathOf("out/clusters.csv"), "--truth", PathOf("ws/incoming/truth/records.csv"),
            "--families", PathOf("out/families.csv"), "--relationships", PathOf("ws/incoming/truth/relationships.csv"));
        Assert.True(code == 0, error);
        Assert.True(F1(output, "all ") > 0.95, output);
        Assert.Contains("family links", output, StringComparison.Ordinal);
        Assert.True(F1(output, "parent ") > 0.5, output);

        await File.WriteAllTextAsync(PathOf("columns.yaml"), "columns:\n  first: given_name\n");
        (code, _, error) = await Cli.Run("link", "--workspace", PathOf("ws"), "--config", PathOf("columns.yaml"));
        Assert.Equal(2, code);
        Assert.Contains("remove 'columns' and 'record_id' from the config", error, StringComparison.Ordinal);
        await File.WriteAllTextAsync(PathOf("rules.yaml"), "deterministic:\n  - [ssn, birth_date]\nreview_from: 0.3\nreview_to: 0.8\n");
        (code, output, error) = await Cli.Run("link", "--workspace", PathOf("ws"), "--config", PathOf("rules.yaml"));
        Assert.True(code == 0, error);
        Assert.Contains("Link run #3", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_split_on_the_command_line_stays_split()
    {
        var (code, _, error) = await Cli.Run("demo", "--workspace", PathOf("ws"), "--people", "300", "--no-serve");
        Assert.True(code == 0, error);
        await Cli.Run("link", "--workspace", PathOf("ws"), "--out", PathOf("before"));
        var person = (await File.ReadAllLinesAsync(PathOf("before/clusters.csv"))).Skip(1).Select(l => l.Split(','))
            .GroupBy(r => r[2]).First(g => g.Count() >= 2);
        var moving = person.First();
        var key = $"{moving[0]}/{moving[3]}/{moving[1]}";

        (code, var output, error) = await Cli.Run("review", "split", person.Key, "--records", key, "--note", "different people", "--workspace", PathOf("ws"));
        Assert.True(code == 0, error);
        Assert.Contains("Run 'tessera link' to apply it", output, StringComparison.Ordinal);
        for (var run = 0; run < 2; run++)
        {
            (code, output, error) = await Cli.Run("link", "--workspace", PathOf("ws"), "--out", PathOf("after"));
            Assert.True(code == 0, error);
            var after = (await File.ReadAllLinesAsync(PathOf("after/clusters.csv"))).Skip(1).Select(l => l.Split(',')).ToDictionary(r => $"{r[0]}/{r[3]}/{r[1]}", r => r[2]);
            Assert.NotEqual(person.Key, after[key]);
            Assert.All(person.Skip(1), r => Assert.Equal(person.Key, after[$"{r[0]}/{r[3]}/{r[1]}"]));
        }

        (code, _, error) = await Cli.Run("review", "split", person.Key, "--records", "nobody/none/0", "--workspace", PathOf("ws"));
        Assert.Equal(2, code);
        Assert.Contains("does not belong to person", error, StringComparison.Ordinal);
    }

    private static double F1(string output, string row) =>
        double.Parse(output.Split('\n').First(l => l.StartsWith(row, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[3], CultureInfo.InvariantCulture);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Files still closing; the temporary folder is cleaned later.
        }
    }
}
