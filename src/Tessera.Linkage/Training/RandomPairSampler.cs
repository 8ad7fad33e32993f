using Tessera.Linkage.Comparisons;
using Tessera.Linkage.Inference;
using Tessera.Linkage.Records;
using Tessera.Linkage.Running;

namespace Tessera.Linkage.Training;

/// <summary>
/// Estimates u, the chance that two records of different people agree at each level, from pairs
/// drawn at random. Each comparison draws its pairs among the records that have its value, so a
/// field only one source carries (a phone number) is estimated as precisely as a name. Random
/// pairs are nearly all non-matches — but not when people have many records (a worker's
/// quarterly wage records share an SSN), so once a model exists the estimate is repeated with
/// each pair weighed by its chance of not matching (<see cref="Reweigh"/>).
/// </summary>
internal sealed class RandomPairSampler
{
    private readonly Comparison[] _comparisons;
    private readonly CandidatePair[][] _pairs;
    private readonly double[] _present;

    private RandomPairSampler(Comparison[] comparisons, CandidatePair[][] pairs, double[] present)
    {
        _comparisons = comparisons;
        _pairs = pairs;
        _present = present;
    }

    /// <summary>Draws up to <paramref name="samples"/> pairs per comparison among the records that have its value.</summary>
    public static RandomPairSampler Draw(PreparedRecords records, Comparison[] comparisons, int samples, int seed)
    {
        var pairs = new CandidatePair[comparisons.Length][];
        var present = new double[comparisons.Length];
        Parallel.For(0, comparisons.Length, Workers.PerCore(), k =>
        {
            var eligible = Enumerable.Range(0, records.Count).Where(i => comparisons[k].Compare(records, i, i) != Comparison.Null).ToArray();
            present[k] = Math.Pow(eligible.Length / (double)Math.Max(1, records.Count), 2);
            var drawn = eligible.Length < 2 ? 0 : (int)Math.Min(samples, (long)eligible.Length * (eligible.Length - 1) / 2);
            var random = new Random(seed + k);
            var sample = new CandidatePair[drawn];
            for (var s = 0; s < drawn; s++)
            {
                var a = random.Next(eligible.Length);
                var b = random.Next(eligible.Length - 1);
                var (i, j) = (eligible[a], eligible[b >= a ? b + 1 : b]);
                sample[s] = new CandidatePair(i, j, ComparisonVector.Compute(comparisons, records, i, j), 0);
            }

            pairs[k] = sample;
        });
        return new RandomPairSampler(comparisons, pairs, present);
    }

    /// <summary>Uses every pair of a small input (all compared anyway) as the sample: exact rather than drawn.</summary>
    public static RandomPairSampler FromAllPairs(Comparison[] comparisons, CandidatePair[] candidates)
    {
        var present = Enumerable.Range(0, comparisons.Length)
            .Select(k => candidates.Count(p => ComparisonVector.Level(p.Vector, k) != Comparison.Null) / (double)Math.Max(1, candidates.Length))
            .ToArray();
        return new RandomPairSampler(comparisons, Enumerable.Repeat(candidates, comparisons.Length).ToArray(), present);
    }

    /// <summary>u with every sampled pair counted as a non-match.</summary>
    public UEstimate Estimate() => Estimate(_ => null);

    /// <summary>
    /// u with each sampled pair counted by its chance of not matching under <paramref name="model"/>.
    /// A small input's sample is its candidate pairs (all pairs), whose weights without the prior
    /// are already in <paramref name="evidence"/>.
    /// </summary>
    public UEstimate Reweigh(FellegiSunterModel model, PreparedRecords records, CandidatePair[] candidates, double[] evidence)
    {
        var weights = new Dictionary<CandidatePair[], double[]>(ReferenceEqualityComparer.Instance);
        foreach (var sample in _pairs.Distinct(ReferenceEqualityComparer.Instance).Cast<CandidatePair[]>())
        {
            var notMatching = new double[sample.Length];
            var known = ReferenceEquals(sample, candidates);
            Parallel.For(0, sample.Length, Workers.PerCore(), n => notMatching[n] = 1 - FellegiSunterModel.Probability(
                (known ? evidence[n] + model.PriorWeight : model.Weight(sample[n].Vector, records, sample[n].Left, sample[n].Right))));
            weights[sample] = notMatching;
        }

        return Estimate(k => weights[_pairs[k]]);
    }

    private UEstimate Estimate(Func<int, double[]?> weights)
    {
        var u = new double[_comparisons.Length][];
        Parallel.For(0, _comparisons.Length, Workers.PerCore(), k =>
        {
            var counts = new double[_comparisons[k].Levels.Length];
            var sample = _pairs[k];
            var weight = weights(k);
            double total = 0;
            for (var n = 0; n < sample.Length; n++)
            {
                var level = ComparisonVector.Level(sample[n].Vector, k);
                if (level != Comparison.Null)
                {
                    var w = weight?[n] ?? 1;
                    counts[level] += w;
                    total += w;
                }
            }

            u[k] = Smoothed(counts, total);
        });
        return new UEstimate(u, _present);
    }

    /// <summary>One pseudo-count per level: a level never seen among random pairs is rare, not impossible.</summary>
    private static double[] Smoothed(double[] levels, double samples)
    {
        var floor = 1.0 / (samples + 1);
        var smoothed = levels.Select(c => c + 1).ToArray();
        var total = smoothed.Sum();
        var probabilities = smoothed.Select(p => Math.Max(p / total, floor)).ToArray();
        var sum = probabilities.Sum();
        return probabilities.Select(p => p / sum).ToArray();
    }
}
