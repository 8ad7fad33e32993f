namespace Tessera.Linkage.Evaluation;

/// <summary>
/// Pairwise accuracy for one set of record pairs: pairs the truth links, pairs the result links,
/// and pairs both link; precision, recall and F1 follow.
/// </summary>
public sealed record PairCounts(long TruePairs, long PredictedPairs, long CorrectPairs)
{
    /// <summary>Share of predicted pairs that are true (1 when nothing was predicted).</summary>
    public double Precision => PredictedPairs == 0 ? 1 : CorrectPairs / (double)PredictedPairs;

    /// <summary>Share of true pairs that were predicted (1 when there are none).</summary>
    public double Recall => TruePairs == 0 ? 1 : CorrectPairs / (double)TruePairs;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
