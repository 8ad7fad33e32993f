namespace Tessera.Linkage.Training;

/// <summary>
/// Counts (or expected counts) of pairs per comparison level, the sufficient statistics of the
/// Fellegi–Sunter model. Counts from separate partitions add up, so training can be spread.
/// </summary>
internal sealed class LevelCounts
{
    public LevelCounts(IReadOnlyList<int> levels)
    {
        Counts = levels.Select(n => new double[n]).ToArray();
    }

    public double[][] Counts { get; }

    public void Add(ulong vector, double weight)
    {
        for (var k = 0; k < Counts.Length; k++)
        {
            var level = Comparisons.ComparisonVector.Level(vector, k);
            if (level != Comparisons.Comparison.Null)
            {
                Counts[k][level] += weight;
            }
        }
    }

    /// <summary>Adds the counts of another partition.</summary>
    public void Add(LevelCounts other)
    {
        for (var k = 0; k < Counts.Length; k++)
        {
            for (var l = 0; l < Counts[k].Length; l++)
            {
                Counts[k][l] += other.Counts[k][l];
            }
        }
    }

    /// <summary>Each comparison's counts as probabilities, every level given at least <paramref name="floor"/> so no weight is infinite.</summary>
    public double[][] Probabilities(double floor)
    {
        return Counts.Select(levels =>
        {
            var total = levels.Sum();
            var probabilities = levels.Select(c => total > 0 ? Math.Max(c / total, floor) : 1.0 / levels.Length).ToArray();
            var sum = probabilities.Sum();
            return probabilities.Select(p => p / sum).ToArray();
        }).ToArray();
    }
}
