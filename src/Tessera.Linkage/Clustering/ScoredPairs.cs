using Tessera.Linkage.Comparisons;
using Tessera.Linkage.Inference;
using Tessera.Linkage.Running;

namespace Tessera.Linkage.Clustering;

/// <summary>
/// The compared pairs with their weights, computed when read from each pair's evidence and the
/// prior, so a million records' tens of millions of pairs are not held twice.
/// </summary>
internal sealed class ScoredPairs(CandidatePair[] candidates, double[] evidence, double priorWeight, int comparisons)
{
    public int Count => candidates.Length;

    public ScoredLink this[int n]
    {
        get
        {
            var weight = evidence[n] + priorWeight;
            return new ScoredLink(candidates[n].Left, candidates[n].Right, weight, FellegiSunterModel.Probability(weight), ComparisonVector.Present(candidates[n].Vector, comparisons));
        }
    }

    /// <summary>The records of pair <paramref name="n"/>, without computing its weight.</summary>
    public (int Left, int Right) Pair(int n) => (candidates[n].Left, candidates[n].Right);

    /// <summary>The positions of the pairs at or above <paramref name="probability"/>, strongest first (ties in input order).</summary>
    public int[] AtLeast(double probability)
    {
        var minimumWeight = Math.Log2(probability / (1 - probability)) - priorWeight;
        var chosen = Enumerable.Range(0, candidates.Length).AsParallel().AsOrdered().WithDegreeOfParallelism(Environment.ProcessorCount)
            .Where(n => evidence[n] >= minimumWeight).ToArray();
        var keys = Array.ConvertAll(chosen, n => -evidence[n]);
        Array.Sort(keys, chosen);
        return chosen;
    }
}
