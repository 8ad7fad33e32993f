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

    public FellegiSunterModel(Comparison[] comparisons, double[][] m, double[][] u, double prior, double minimumFrequency, double[][]? householdOverlap = null)
    {
        HouseholdOverlap = householdOverlap ?? comparisons.Select(c => new double[c.Levels.Length]).ToArray();
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

    /// <summary>
    /// Per comparison level, the bits its agreement shares with an agreeing address or phone:
    /// members of one household share a family name, and twins a birth date too, so together they
    /// say less than the sum of their weights. Learned from the input for family name and birth
    /// date (0 where addresses are not households, as in FEBRL); see ModelTrainer.
    /// </summary>
    public double[][] HouseholdOverlap { get; }

    public double PriorWeight => Math.Log2(Prior / (1 - Prior));

    public double LevelWeight(int comparison, int level) => _weights[comparison][level];

    /// <summary>The match weight of records i and j, whose comparison vector is <paramref name="vector"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Weight(ulong vector, PreparedRecords records, int i, int j)
    {
        var weight = PriorWeight;
        double strongestShared = 0;
        double overlap = 0;
        for (var k = 0; k < Comparisons.Length; k++)
        {
            var level = ComparisonVector.Level(vector, k);
            if (level == Comparison.Null)
            {
                continue;
            }

            var step = LevelWeight(k, level, records, i, j);
            if (step > 0 && Comparisons[k].Levels[level].Household)
            {
                strongestShared = Math.Max(strongestShared, step);
            }
            else
            {
                weight += step;
                overlap += step > 0 ? Math.Min(HouseholdOverlap[k][level], step) : 0;
            }
        }

        return weight + strongestShared - (strongestShared > 0 ? overlap : 0);
    }

    /// <summary>The weight of comparison <paramref name="k"/> at <paramref name="level"/> for records i and j (term-frequency adjusted where the level is).</summary>
    public double LevelWeight(int k, int level, PreparedRecords records, int i, int j) =>
        Comparisons[k].Levels[level].TermFrequencyAdjusted
            ? Math.Log2(M[k][level] / Math.Max(Comparisons[k].TermFrequency(records, i, j, level), MinimumFrequency))
            : _weights[k][level];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Probability(double weight) => 1 / (1 + double.Exp2(-weight));

    /// <summary>Every step of the pair's weight, for the reviewer's waterfall chart; the steps add up to the weight.</summary>
    public IReadOnlyList<WaterfallStep> Waterfall(PreparedRecords records, int i, int j)
    {
        var steps = new List<WaterfallStep> { new("prior", "two records at random", null, null, PriorWeight, false) };
        var vector = ComparisonVector.Compute(Comparisons, records, i, j);
        var shared = new List<double>();
        for (var k = 0; k < Comparisons.Length; k++)
        {
            var comparison = Comparisons[k];
            var level = ComparisonVector.Level(vector, k);
            if (level == Comparison.Null)
            {
                steps.Add(new(comparison.Name, "missing", comparison.Describe(records, i), comparison.Describe(records, j), 0, false));
                continue;
            }

            var weight = LevelWeight(k, level, records, i, j);
            if (weight > 0 && comparison.Levels[level].Household)
            {
                shared.Add(weight);
            }

            steps.Add(new(comparison.Name, comparison.Levels[level].Label, comparison.Describe(records, i), comparison.Describe(records, j), weight, comparison.Levels[level].TermFrequencyAdjusted));
        }

        if (shared.Count > 1)
        {
            steps.Add(new("household", "address and phone agree together: counted once", null, null, shared.Max() - shared.Sum(), false));
        }

        if (shared.Count > 0)
        {
            for (var k = 0; k < Comparisons.Length; k++)
            {
                var level = ComparisonVector.Level(vector, k);
                var step = steps[k + 1];
                if (level != Comparison.Null && step.Weight > 0 && HouseholdOverlap[k][level] > 0 && !Comparisons[k].Levels[level].Household)
                {
                    steps.Add(new("household", $"{step.Comparison} agrees within households too", null, null, -Math.Min(HouseholdOverlap[k][level], step.Weight), false));
                }
            }
        }

        return steps;
    }
}
