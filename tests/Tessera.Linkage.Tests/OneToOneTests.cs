using System.Text.Json;
using Tessera.Linkage.Assignment;
using Tessera.Linkage.Encodings;
using Tessera.Linkage.Evaluation;
using Tessera.Linkage.Input;
using Tessera.Linkage.Running;
using Tessera.Tests;
using Xunit.Abstractions;

namespace Tessera.Linkage.Tests;

/// <summary>
/// One-to-one assignment between data partners who each send one record per person: greedy and
/// optimal matchings, checked against brute force and against the anonlink tutorial's published
/// precision and recall on its golden CLKs.
/// </summary>
public sealed class OneToOneTests(ITestOutputHelper output) : IDisposable
{
    private readonly BenchmarkSets _sets = new();

    [Fact]
    public void Greedy_takes_the_strongest_link_first_and_optimal_the_largest_total()
    {
        // a1–b1 is the strongest, but taking it leaves a2 and b2 alone: 0.9 against 0.8 + 0.8.
        ScoredEdge[] edges = [new(1, 1, 0.9), new(1, 2, 0.8), new(2, 1, 0.8)];

        Assert.Equal([0], BipartiteMatching.Greedy(edges));
        Assert.Equal([1, 2], BipartiteMatching.Optimal(edges));
    }

    [Fact]
    public void Optimal_finds_the_best_total_of_every_matching_on_small_random_graphs()
    {
        var random = new Random(11);
        for (var graph = 0; graph < 300; graph++)
        {
            var edges = Enumerable.Range(0, random.Next(1, 11))
                .Select(_ => new ScoredEdge(random.Next(5), random.Next(5), Math.Round(random.NextDouble(), 2) + 0.01))
                .DistinctBy(e => (e.Left, e.Right))
                .ToArray();

            var optimal = BipartiteMatching.Optimal(edges);
            var greedy = BipartiteMatching.Greedy(edges);

            Assert.True(IsMatching(edges, optimal) && IsMatching(edges, greedy));
            Assert.Equal(BestTotal(edges), optimal.Sum(n => edges[n].Score), 9);
            Assert.True(greedy.Sum(n => edges[n].Score) <= optimal.Sum(n => edges[n].Score) + 1e-9);
        }
    }

    [Fact]
    public void Scores_that_are_not_positive_are_refused()
    {
        Assert.Throws<ArgumentException>(() => BipartiteMatching.Optimal([new(1, 1, 0)]));
        Assert.Throws<ArgumentException>(() => BipartiteMatching.Optimal([new(1, 1, double.NaN)]));
    }

    [Theory]
    // The data README's reference: Dice on these CLKs with greedy 1:1 assignment.
    [InlineData(0.75, 0.736, 0.826)]
    [InlineData(0.80, 0.982, 0.591)]
    [InlineData(0.85, 0.998, 0.298)]
    [InlineData(0.90, 1.000, 0.100)]
    public void Greedy_on_the_golden_clks_gives_the_published_precision_and_recall(double threshold, double precision, double recall)
    {
        var (one, two) = (Golden(1), Golden(2));
        var pairs = ClkMatrix.Of(one.Clks).PairsAtLeast(ClkMatrix.Of(two.Clks), threshold);
        var edges = pairs.Select(p => new ScoredEdge(p.Left, p.Right, p.Dice)).ToArray();

        var (p, r) = Score(edges, BipartiteMatching.Greedy(edges), one.Ids, two.Ids);

        Assert.Equal(precision, p, 0.003);
        Assert.Equal(recall, r, 0.003);
    }

    [Fact]
    public void Optimal_assignment_on_the_golden_clks_finds_at_least_as_many_true_links_as_greedy()
    {
        var (one, two) = (Golden(1), Golden(2));
        var pairs = ClkMatrix.Of(one.Clks).PairsAtLeast(ClkMatrix.Of(two.Clks), 0.70);
        output.WriteLine("threshold | greedy P | greedy R | greedy F1 | optimal P | optimal R | optimal F1");
        foreach (var threshold in new[] { 0.70, 0.72, 0.74, 0.75, 0.76, 0.78, 0.80, 0.85, 0.90 })
        {
            var edges = pairs.Where(p => p.Dice >= threshold).Select(p => new ScoredEdge(p.Left, p.Right, p.Dice)).ToArray();
            var (gp, gr) = Score(edges, BipartiteMatching.Greedy(edges), one.Ids, two.Ids);
            var (op, or) = Score(edges, BipartiteMatching.Optimal(edges), one.Ids, two.Ids);
            output.WriteLine($"{threshold:0.00} | {gp:0.000} | {gr:0.000} | {F1(gp, gr):0.000} | {op:0.000} | {or:0.000} | {F1(op, or):0.000}");
            Assert.True(or >= gr - 0.01, $"at {threshold}: optimal recall {or:0.000}, greedy {gr:0.000}");
        }
    }

    [Theory]
    [InlineData(OneToOne.Greedy)]
    [InlineData(OneToOne.Optimal)]
    public void With_one_to_one_the_model_links_the_golden_clks_better_than_the_reference(OneToOne oneToOne)
    {
        var input = LinkageInput.Read(_sets.AnonlinkClks());
        var result = LinkageEngine.Run(input.Records, new LinkageOptions { OneToOne = oneToOne });

        var evaluation = Evaluate(input, result);
        output.WriteLine($"{oneToOne}: precision {evaluation.All.Precision:0.000}, recall {evaluation.All.Recall:0.000}, F1 {evaluation.All.F1:0.000}");

        // The reference is P 0.982 / R 0.591 at 0.80, F1 0.738.
        Assert.True(evaluation.All.F1 > F1(0.982, 0.591), $"F1 {evaluation.All.F1:0.0000}");
        var persons = Enumerable.Range(0, result.Count).GroupBy(i => result.Cluster[i]);
        Assert.All(persons, person => Assert.Equal(person.Count(), person.Select(result.SourceOf).Distinct().Count()));
    }

    [Fact]
    public void Optimal_assignment_of_three_sources_is_refused()
    {
        var records = new[] { 0, 1, 2 }.Select(s => new Records.IdentityRecord(s, "1", new string?[Records.StandardColumns.Count])).ToArray();
        var error = Assert.Throws<ArgumentException>(() => LinkageEngine.Run(records, new LinkageOptions { OneToOne = OneToOne.Optimal }));
        Assert.Contains("exactly two sources", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _sets.Dispose();

    private static double F1(double precision, double recall) => 2 * precision * recall / (precision + recall);

    private static (double Precision, double Recall) Score(ScoredEdge[] edges, int[] chosen, string[] left, string[] right)
    {
        var truth = left.Intersect(right).Count();
        var correct = chosen.Count(n => left[edges[n].Left] == right[edges[n].Right]);
        return (chosen.Length == 0 ? 1 : (double)correct / chosen.Length, (double)correct / truth);
    }

    private static bool IsMatching(ScoredEdge[] edges, int[] chosen) =>
        chosen.Select(n => edges[n].Left).Distinct().Count() == chosen.Length && chosen.Select(n => edges[n].Right).Distinct().Count() == chosen.Length;

    /// <summary>The best total over every subset of edges that is a matching.</summary>
    private static double BestTotal(ScoredEdge[] edges)
    {
        var best = 0.0;
        for (var mask = 0; mask < 1 << edges.Length; mask++)
        {
            var chosen = Enumerable.Range(0, edges.Length).Where(n => (mask >> n & 1) == 1).ToArray();
            if (IsMatching(edges, chosen))
            {
                best = Math.Max(best, chosen.Sum(n => edges[n].Score));
            }
        }

        return best;
    }

    private static (List<byte[]> Clks, string[] Ids) Golden(int dataset)
    {
        var folder = Path.Combine(SharedData.Linkage, "anonlink_tutorial_multiparty");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, $"golden_clks_clkhash0.18.3_secret-secret_dataset-{dataset}.json")));
        var ids = File.ReadLines(Path.Combine(folder, $"dataset-{dataset}.csv")).Skip(1).Select(line => line.Split(',')[0]).ToArray();
        return ([.. json.RootElement.GetProperty("clks").EnumerateArray().Select(c => Convert.FromBase64String(c.GetString()!))], ids);
    }

    private LinkageEvaluation Evaluate(LinkageInput input, LinkageResult result)
    {
        var predicted = Enumerable.Range(0, result.Count).ToDictionary(
            i => (input.Sources[result.SourceOf(i)], result.RecordIdOf(i)),
            i => result.Cluster[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
        return LinkageEvaluation.Of(predicted, _sets.Truth);
    }
}
