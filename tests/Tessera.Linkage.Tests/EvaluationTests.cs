using Tessera.Linkage.Evaluation;

namespace Tessera.Linkage.Tests;

public sealed class EvaluationTests
{
    private static Dictionary<(string, string), string> Persons(params (string Source, string Record, string Person)[] rows) =>
        rows.ToDictionary(r => (r.Source, r.Record), r => r.Person);

    [Fact]
    public void Pairs_are_counted_within_and_across_sources()
    {
        // Truth: {a1, a2, b1} one person, {b2} another. Predicted: {a1, a2}, {b1, b2}.
        var truth = Persons(("a", "1", "x"), ("a", "2", "x"), ("b", "1", "x"), ("b", "2", "y"));
        var predicted = Persons(("a", "1", "p"), ("a", "2", "p"), ("b", "1", "q"), ("b", "2", "q"));
        var evaluation = LinkageEvaluation.Of(predicted, truth);

        Assert.Equal(new PairCounts(3, 2, 1), evaluation.All);
        Assert.Equal(new PairCounts(1, 2, 1), evaluation.WithinSources);
        Assert.Equal(new PairCounts(2, 0, 0), evaluation.AcrossSources);
        Assert.Equal(0.5, evaluation.All.Precision);
        Assert.Equal(1 / 3.0, evaluation.All.Recall, 12);
        Assert.Equal(0.4, evaluation.All.F1, 12);
        Assert.Equal((2, 2, 0), (evaluation.TruePersons, evaluation.PredictedPersons, evaluation.ExactPersons));
    }

    [Fact]
    public void A_perfect_clustering_scores_one_and_records_missing_from_the_truth_are_counted()
    {
        var truth = Persons(("a", "1", "x"), ("a", "2", "x"), ("a", "3", "y"));
        var predicted = Persons(("a", "1", "p"), ("a", "2", "p"), ("a", "3", "q"), ("a", "4", "r"));
        var evaluation = LinkageEvaluation.Of(predicted, truth);
        Assert.Equal(1.0, evaluation.All.F1);
        Assert.Equal(2, evaluation.ExactPersons);
        Assert.Equal(1, evaluation.RecordsMissingFromTruth);
    }
}
