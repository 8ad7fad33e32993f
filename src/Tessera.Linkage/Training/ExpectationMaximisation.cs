namespace Tessera.Linkage.Training;

/// <summary>
/// Expectation–maximisation for the two-class Fellegi–Sunter mixture: finds the m probabilities
/// (how often true matches agree at each level) and the share of matches among the pairs given,
/// without labelled data. u stays fixed at its random-pair estimate. Works on distinct comparison
/// vectors with their counts, so a million pairs cost as little as their few thousand patterns.
/// </summary>
internal static class ExpectationMaximisation
{
    public static EmResult Train(IReadOnlyDictionary<ulong, long> patterns, double[][] m, double[][] u, double lambda, int maxIterations = 100, double tolerance = 1e-6)
    {
        var levels = m.Select(x => x.Length).ToArray();
        var iterations = 0;
        for (; iterations < maxIterations; iterations++)
        {
            var matches = new LevelCounts(levels);
            double expectedMatches = 0;
            double total = 0;
            var priorLogit = Math.Log(lambda / (1 - lambda));
            foreach (var (vector, count) in patterns)
            {
                var logit = priorLogit;
                for (var k = 0; k < levels.Length; k++)
                {
                    var level = Comparisons.ComparisonVector.Level(vector, k);
                    if (level != Comparisons.Comparison.Null)
                    {
                        logit += Math.Log(m[k][level] / u[k][level]);
                    }
                }

                var p = 1 / (1 + Math.Exp(-logit));
                matches.Add(vector, count * p);
                expectedMatches += count * p;
                total += count;
            }

            var nextM = matches.Probabilities(1e-6);
            var nextLambda = Math.Clamp(expectedMatches / Math.Max(1, total), 1e-9, 1 - 1e-9);
            var change = Math.Abs(nextLambda - lambda) + MaxChange(m, nextM);
            m = nextM;
            lambda = nextLambda;
            if (change < tolerance)
            {
                iterations++;
                break;
            }
        }

        return new EmResult(m, lambda, iterations);
    }

    private static double MaxChange(double[][] a, double[][] b)
    {
        double max = 0;
        for (var k = 0; k < a.Length; k++)
        {
            for (var l = 0; l < a[k].Length; l++)
            {
                max = Math.Max(max, Math.Abs(a[k][l] - b[k][l]));
            }
        }

        return max;
    }
}
