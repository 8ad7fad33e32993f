using Tessera.Linkage.Blocking;
using Tessera.Linkage.Inference;
using Tessera.Linkage.Records;

namespace Tessera.Linkage.Running;

/// <summary>
/// What a linkage run found: each input record's person (cluster), every compared pair at or
/// above the report threshold, the blocking analysis and the trained model.
/// </summary>
public sealed class LinkageResult
{
    private readonly PreparedRecords _records;
    private readonly FellegiSunterModel _model;

    internal LinkageResult(PreparedRecords records, FellegiSunterModel model, int[] cluster, IReadOnlyList<LinkedPair> pairs, BlockingAnalysis blocking, int emIterations, IReadOnlyList<(string Stage, TimeSpan Took)> timings)
    {
        _records = records;
        _model = model;
        Cluster = cluster;
        Pairs = pairs;
        Blocking = blocking;
        EmIterations = emIterations;
        Timings = timings;
        Model = model.Comparisons.Select((c, k) => new ComparisonSummary(
            c.Name,
            c.Levels.Select((level, l) => new LevelSummary(level.Label, model.M[k][l], model.U[k][l], model.LevelWeight(k, l), level.TermFrequencyAdjusted)).ToArray())).ToArray();
    }

    /// <summary>Number of input records.</summary>
    public int Count => _records.Count;

    /// <summary>For each input record, the position of the first record of its person.</summary>
    public IReadOnlyList<int> Cluster { get; }

    /// <summary>Compared pairs with probability at or above the report threshold, ordered by record.</summary>
    public IReadOnlyList<LinkedPair> Pairs { get; }

    /// <summary>What blocking did: pairs per rule, largest blocks, blocks set aside.</summary>
    public BlockingAnalysis Blocking { get; }

    /// <summary>The trained comparisons: m, u and weight per level.</summary>
    public IReadOnlyList<ComparisonSummary> Model { get; }

    /// <summary>Chance that two records drawn at random are the same person, as trained.</summary>
    public double Prior => _model.Prior;

    /// <summary>Per comparison level, bits taken off when it agrees together with the household's address or phone (learned for family name and birth date; 0 when the input has no households).</summary>
    public IReadOnlyDictionary<string, double> HouseholdOverlap =>
        _model.Comparisons.SelectMany((c, k) => c.Levels.Select((level, l) => (Name: $"{c.Name}: {level.Label}", Bits: _model.HouseholdOverlap[k][l])))
            .Where(p => p.Bits > 0)
            .ToDictionary(p => p.Name, p => p.Bits);

    /// <summary>Iterations EM needed to converge.</summary>
    public int EmIterations { get; }

    /// <summary>How long each stage took (standardise, block, compare, train, score, cluster).</summary>
    public IReadOnlyList<(string Stage, TimeSpan Took)> Timings { get; }

    /// <summary>The source (input number) of record <paramref name="i"/>.</summary>
    public int SourceOf(int i) => _records.Source[i];

    /// <summary>The id record <paramref name="i"/> has in its source.</summary>
    public string RecordIdOf(int i) => _records.RecordId[i];

    /// <summary>Why records <paramref name="i"/> and <paramref name="j"/> got their weight, step by step.</summary>
    public IReadOnlyList<WaterfallStep> Explain(int i, int j) => _model.Waterfall(_records, i, j);
}
