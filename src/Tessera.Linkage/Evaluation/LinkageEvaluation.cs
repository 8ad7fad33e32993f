namespace Tessera.Linkage.Evaluation;

/// <summary>
/// How a clustering compares with the truth: pairwise precision, recall and F1 over all record
/// pairs, over pairs within one source and across sources, and how many persons were found
/// exactly (same records, no more, no fewer).
/// </summary>
public sealed record LinkageEvaluation(
    int Records,
    PairCounts All,
    PairCounts WithinSources,
    PairCounts AcrossSources,
    int TruePersons,
    int PredictedPersons,
    int ExactPersons,
    int RecordsMissingFromTruth)
{
    /// <summary>
    /// Evaluates <paramref name="predicted"/> against <paramref name="truth"/>, both keyed by
    /// (source, record id). Records without a truth row are counted and left out.
    /// </summary>
    public static LinkageEvaluation Of(IReadOnlyDictionary<(string Source, string RecordId), string> predicted, IReadOnlyDictionary<(string Source, string RecordId), string> truth)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(truth);
        var rows = predicted.Where(p => truth.ContainsKey(p.Key)).Select(p => (p.Key.Source, Predicted: p.Value, True: truth[p.Key])).ToList();
        var all = Pairs(rows, r => (r.Predicted, r.True), r => r.Predicted, r => r.True);
        var within = Pairs(rows, r => (r.Predicted, r.True, r.Source), r => (r.Predicted, r.Source), r => (r.True, r.Source));
        var across = new PairCounts(all.TruePairs - within.TruePairs, all.PredictedPairs - within.PredictedPairs, all.CorrectPairs - within.CorrectPairs);

        var predictedSets = rows.GroupBy(r => r.Predicted, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var trueSets = rows.GroupBy(r => r.True, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var exact = rows.GroupBy(r => (r.Predicted, r.True))
            .Count(g => g.Count() == predictedSets[g.Key.Predicted] && g.Count() == trueSets[g.Key.True]);
        return new LinkageEvaluation(rows.Count, all, within, across, trueSets.Count, predictedSets.Count, exact, predicted.Count - rows.Count);
    }

    private static PairCounts Pairs<TRow, TBoth, TPredicted, TTrue>(List<TRow> rows, Func<TRow, TBoth> both, Func<TRow, TPredicted> predicted, Func<TRow, TTrue> truth) =>
        new(SumPairs(rows, truth), SumPairs(rows, predicted), SumPairs(rows, both));

    private static long SumPairs<TRow, TKey>(List<TRow> rows, Func<TRow, TKey> key) =>
        rows.GroupBy(key).Sum(g => (long)g.Count() * (g.Count() - 1) / 2);
}
