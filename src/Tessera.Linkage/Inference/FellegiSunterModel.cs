using System.Runtime.CompilerServices;
using Tessera.Linkage.Comparisons;
using Tessera.Linkage.Records;

namespace Tessera.Linkage.Inference;

/// <summary>
/// The trained Fellegi–Sunter model: for every comparison level the m probability (true matches
/// at that level) and u probability (non-matches at that level), and the prior chance that two
/// records match. A pair's match weight is the prior's log2 odds plus log2(m/u) of each level it
/// falls into; agreement on a rare name (term-frequency adjustment) weighs log2(m/frequency).
/// </summary>
internal sealed class FellegiSunterModel
{
    private readonly double[][] _weights;

    public FellegiSunterModel(Comparison[] comparisons, double[][] m, double[][] u, double prior, double minimumFrequency)
    {
        Comparisons = comparisons;
        M = m;
        U = u;
        Prior = prior;
        MinimumFrequency = minimumFrequency;
        _weights = m.Select((levels, k) => levels.Select((p, l) => Math.Log2(p / u[k][l])).ToArray()).ToArray();
    }

    public Comparison[] Comparisons { get; }

    public double[][] M { get; }

    public double[][] U { get; }

    /// <summary>Chance that two records drawn at random are the same person.</summary>
    public double Prior { get; }

    public double MinimumFrequency { get; }

    public double PriorWeight => Math.Log2(Prior / (1 - Prior));

    public double LevelWeight(int comparison, int level) => _weights[comparison][level];

    /// <summary>The match weight of records i and j, whose comparison vector is <paramref name="vector"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Weight(ulong vector, PreparedRecords records, int i, int j)
    {
        var weight = PriorWeight;
        for (var k = 0; k < Comparisons.Length; k++)
        {
            var level = ComparisonVector.Level(vector, k);
            if (level == Comparison.Null)
            {
                continue;
            }

            weight += Comparisons[k].Levels[level].TermFrequencyAdjusted
                ? Math.Log2(M[k][level] / Math.Max(Comparisons[k].TermFrequency(records, i, j, level), MinimumFrequency))
                : _weights[k][level];
        }

        return weight;
    }

    public static double Probability(double weight) => 1 / (1 + Math.Pow(2, -weight));

    /// <summary>Every step of the pair's weight, for the reviewer's waterfall chart.</summary>
    public IReadOnlyList<WaterfallStep> Waterfall(PreparedRecords records, int i, int j)
    {
        var steps = new List<WaterfallStep> { new("prior", "two records at random", null, null, PriorWeight, false) };
        var vector = ComparisonVector.Compute(Comparisons, records, i, j);
        for (var k = 0; k < Comparisons.Length; k++)
        {
            var comparison = Comparisons[k];
            var level = ComparisonVector.Level(vector, k);
            if (level == Comparison.Null)
            {
                steps.Add(new(comparison.Name, "missing", comparison.Describe(records, i), comparison.Describe(records, j), 0, false));
                continue;
            }

            var adjusted = comparison.Levels[level].TermFrequencyAdjusted;
            var weight = adjusted
                ? Math.Log2(M[k][level] / Math.Max(comparison.TermFrequency(records, i, j, level), MinimumFrequency))
                : _weights[k][level];
            steps.Add(new(comparison.Name, comparison.Levels[level].Label, comparison.Describe(records, i), comparison.Describe(records, j), weight, adjusted));
        }

        return steps;
    }
}
