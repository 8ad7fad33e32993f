using Tessera.Linkage.Evaluation;
using Tessera.Linkage.Input;
using Tessera.Linkage.Running;

namespace Tessera.Linkage.Tests;

/// <summary>
/// The default model on labelled public benchmarks (read from ../shared at test time), with the
/// default threshold: accuracy must stay at least at the targets. docs/benchmarks.md has
/// every set and the command that reproduces it.
/// </summary>
public sealed class BenchmarkAccuracyTests : IDisposable
{
    private readonly BenchmarkSets _sets = new();

    private LinkageEvaluation Link(IReadOnlyList<string> files)
    {
        var input = LinkageInput.Read(files);
        var result = LinkageEngine.Run(input.Records, new LinkageOptions());
        var predicted = Enumerable.Range(0, result.Count).ToDictionary(
            i => (input.Sources[result.SourceOf(i)], result.RecordIdOf(i)),
            i => result.Cluster[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
        return LinkageEvaluation.Of(predicted, _sets.Truth);
    }

    [Fact]
    public void Febrl4_two_file_link_reaches_f1_0_999()
    {
        var evaluation = Link(_sets.Febrl4());
        Assert.True(evaluation.All.F1 >= 0.999, $"F1 {evaluation.All.F1:0.0000}");
        Assert.Equal(0, evaluation.WithinSources.PredictedPairs);
    }

    [Fact]
    public void Splink_fake_1000_with_heavy_errors_reaches_f1_0_90()
    {
        var evaluation = Link([_sets.Fake1000()]);
        Assert.True(evaluation.All.F1 >= 0.90, $"F1 {evaluation.All.F1:0.0000}");
    }

    public void Dispose() => _sets.Dispose();
}
