using System.Numerics;
using System.Text.Json.Nodes;
using Tessera.Linkage.Assignment;
using Tessera.Linkage.Encodings;
using Tessera.Tests;
using Xunit.Abstractions;

namespace Tessera.Linkage.Tests;

/// <summary>
/// Hardening beyond clkhash (per-project keys, salting, balanced filters) on the anonlink tutorial's
/// first two parties (1,458 true links): what each protects against and what it costs in linkage,
/// greedy one-to-one on Dice. The figures printed are the ones docs/encoding.md quotes.
/// </summary>
public sealed class ClkHardeningTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(SharedData.Linkage, "anonlink_tutorial_multiparty");

    [Fact]
    public void Clks_made_for_two_projects_with_one_secret_cannot_be_linked()
    {
        var sameProject = Link(Encode(1, new ClkHardening { Project = "housing-2027" }), Encode(2, new ClkHardening { Project = "housing-2027" }), 0.80);
        var twoProjects = Link(Encode(1, new ClkHardening { Project = "housing-2027" }), Encode(2, new ClkHardening { Project = "schools-2027" }), 0.70);
        output.WriteLine($"one project at 0.80: P {sameProject.Precision:0.000} R {sameProject.Recall:0.000}; two projects at 0.70: R {twoProjects.Recall:0.0000} ({twoProjects.Links} links)");

        Assert.InRange(sameProject.Recall, 0.55, 0.65);
        Assert.True(twoProjects.Recall < 0.005, $"recall across projects {twoProjects.Recall:0.0000}");
        Assert.NotEqual(Encode(1, null)[0], Encode(1, new ClkHardening { Project = "housing-2027" })[0]);
    }

    [Fact]
    public void A_salt_gives_one_name_other_bits_in_another_year_and_the_same_in_the_same()
    {
        var schema = SchemaWithYear();
        var record = File.ReadAllLines(Path.Combine(Folder, "dataset-1.csv"))[1].Split(',');
        var encoder = new ClkEncoder(schema, "secret"u8, new ClkHardening { SaltColumn = "yob" });

        var in1961 = encoder.Encode([.. record, "1961"], "line 2");
        var again = encoder.Encode([.. record, "1961"], "line 2");
        var in1987 = encoder.Encode([.. record, "1987"], "line 2");

        Assert.Equal(in1961, again);
        Assert.True(Dice(in1961, in1987) < 0.6, $"Dice {Dice(in1961, in1987):0.000}");
        var missing = Assert.Throws<LinkageSchemaException>(() => new ClkEncoder(schema, "secret"u8, new ClkHardening { SaltColumn = "year_of_birth" }));
        Assert.Contains("'year_of_birth' is not among the schema's features", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Salting_by_year_of_birth_and_balancing_cost_what_docs_say()
    {
        var plain = Best(Encode(1, null), Encode(2, null));
        var salted = Best(Encode(1, new ClkHardening { SaltColumn = "yob" }), Encode(2, new ClkHardening { SaltColumn = "yob" }));
        var balanced1 = Encode(1, new ClkHardening { Balanced = true });
        var balanced = Best(balanced1, Encode(2, new ClkHardening { Balanced = true }));
        foreach (var (name, (threshold, result)) in new[] { ("plain", plain), ("salted by year of birth", salted), ("balanced", balanced) })
        {
            output.WriteLine($"{name}: best F1 {result.F1:0.000} at Dice {threshold:0.00} (P {result.Precision:0.000}, R {result.Recall:0.000})");
        }

        Assert.All(balanced1, clk => Assert.Equal(1024, clk.Sum(b => BitOperations.PopCount(b))));
        Assert.Equal(256, balanced1[0].Length);
        Assert.True(balanced.Result.F1 >= plain.Result.F1 - 0.05, $"balanced F1 {balanced.Result.F1:0.000}");

        // Salting acts like blocking on the year: fewer false links, but every year typed wrong
        // (this tutorial corrupts many: 22-12-2972) is a true link lost.
        Assert.True(salted.Result.Precision > plain.Result.Precision, $"salted precision {salted.Result.Precision:0.000}");
        Assert.True(salted.Result.Recall < plain.Result.Recall - 0.2, $"salted recall {salted.Result.Recall:0.000}");
    }

    private static LinkageSchema SchemaWithYear()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "schema.json")))!;
        json["features"]!.AsArray().Add(new JsonObject { ["identifier"] = "yob", ["ignored"] = true });
        return LinkageSchema.Parse("schema.json", json.ToJsonString());
    }

    /// <summary>A dataset's CLKs, each row with its year of birth (from dd-mm-yyyy) as an extra, ignored column.</summary>
    private static List<byte[]> Encode(int dataset, ClkHardening? hardening)
    {
        var encoder = new ClkEncoder(SchemaWithYear(), "secret"u8, hardening);
        return [.. File.ReadAllLines(Path.Combine(Folder, $"dataset-{dataset}.csv")).Skip(1).Select((line, i) =>
        {
            var values = line.Split(',');
            return encoder.Encode([.. values, values[3].Length >= 4 ? values[3][^4..] : string.Empty], $"line {i + 2}");
        })];
    }

    private static string[] Ids(int dataset) => [.. File.ReadLines(Path.Combine(Folder, $"dataset-{dataset}.csv")).Skip(1).Select(line => line.Split(',')[0])];

    private static (double Threshold, Linked Result) Best(List<byte[]> one, List<byte[]> two) =>
        new[] { 0.70, 0.72, 0.74, 0.76, 0.78, 0.80, 0.82, 0.84, 0.86, 0.88, 0.90 }.Select(t => (t, Link(one, two, t))).MaxBy(x => x.Item2.F1);

    private static Linked Link(List<byte[]> one, List<byte[]> two, double threshold)
    {
        var edges = ClkMatrix.Of(one).PairsAtLeast(ClkMatrix.Of(two), threshold).Select(p => new ScoredEdge(p.Left, p.Right, p.Dice)).ToArray();
        var chosen = BipartiteMatching.Greedy(edges);
        var (left, right) = (Ids(1), Ids(2));
        var correct = chosen.Count(n => left[edges[n].Left] == right[edges[n].Right]);
        var truth = left.Intersect(right).Count();
        return new Linked(chosen.Length == 0 ? 1 : (double)correct / chosen.Length, (double)correct / truth, chosen.Length);
    }

    private static double Dice(byte[] a, byte[] b) =>
        2.0 * a.Zip(b).Sum(x => BitOperations.PopCount((uint)(x.First & x.Second))) / (a.Sum(x => BitOperations.PopCount((uint)x)) + b.Sum(x => BitOperations.PopCount((uint)x)));

    private sealed record Linked(double Precision, double Recall, int Links)
    {
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }
}
