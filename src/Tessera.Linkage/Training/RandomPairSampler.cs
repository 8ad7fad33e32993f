using Tessera.Linkage.Comparisons;
using Tessera.Linkage.Records;

namespace Tessera.Linkage.Training;

/// <summary>
/// Estimates u, the chance that two records of different people agree at each level, from pairs
/// drawn at random: nearly every random pair is a non-match, so their level frequencies are u.
/// </summary>
internal static class RandomPairSampler
{
    /// <summary>u from every pair of a small input (all compared anyway): exact rather than sampled.</summary>
    public static double[][] FromAllPairs(Comparison[] comparisons, Running.CandidatePair[] pairs)
    {
        var counts = new LevelCounts(comparisons.Select(c => c.Levels.Length).ToArray());
        foreach (var pair in pairs)
        {
            counts.Add(pair.Vector, 1);
        }

        return Smoothed(counts, pairs.Length);
    }

    public static double[][] EstimateU(PreparedRecords records, Comparison[] comparisons, int samples, int seed)
    {
        var counts = new LevelCounts(comparisons.Select(c => c.Levels.Length).ToArray());
        if (records.Count < 2)
        {
            return counts.Probabilities(1e-6);
        }

        var random = new Random(seed);
        var allPairs = (long)records.Count * (records.Count - 1) / 2;
        samples = (int)Math.Min(samples, allPairs);
        var pairs = new (int I, int J)[samples];
        for (var s = 0; s < samples; s++)
        {
            var i = random.Next(records.Count);
            var j = random.Next(records.Count - 1);
            pairs[s] = (i, j >= i ? j + 1 : j);
        }

        var partial = new LevelCounts[Environment.ProcessorCount];
        Parallel.For(0, partial.Length, part =>
        {
            var local = new LevelCounts(comparisons.Select(c => c.Levels.Length).ToArray());
            for (var s = part; s < samples; s += partial.Length)
            {
                local.Add(ComparisonVector.Compute(comparisons, records, pairs[s].I, pairs[s].J), 1);
            }

            partial[part] = local;
        });
        foreach (var local in partial)
        {
            for (var k = 0; k < comparisons.Length; k++)
            {
                for (var l = 0; l < local.Counts[k].Length; l++)
                {
                    counts.Counts[k][l] += local.Counts[k][l];
                }
            }
        }

        return Smoothed(counts, samples);
    }

    /// <summary>One pseudo-count per level: a level never seen among random pairs is rare, not impossible.</summary>
    private static double[][] Smoothed(LevelCounts counts, long samples)
    {
        foreach (var levels in counts.Counts)
        {
            for (var l = 0; l < levels.Length; l++)
            {
                levels[l] += 1;
            }
        }

        return counts.Probabilities(1.0 / (samples + 1));
    }
}
