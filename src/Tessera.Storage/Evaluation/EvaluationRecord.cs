using Tessera.Metrics.Evaluation;

namespace Tessera.Storage.Evaluation;

/// <summary>
/// An evaluation as run and kept: what it asked (kind, metric and its version, parameters), what it
/// read (deliveries, the linkage run, the day the data end), how (seed, replicates) and what it
/// found — enough to run it again and get the same answer, and to say why if the data changed.
/// The licensee (or administrator) who ran it sees every figure; figures of 1 to 10 persons, and
/// those that would reveal them (<see cref="SmallCells"/>), are hidden wherever the result goes
/// further (a contract dashboard's equity tab, a table marked for sharing).
/// </summary>
public sealed record EvaluationRecord
{
    /// <summary>Its number.</summary>
    public long Id { get; init; }

    /// <summary><c>dose-response</c>, <c>compare</c>, <c>disparity</c>, <c>rdd</c> or <c>before-after</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The metric whose population and outcome it studies.</summary>
    public required string MetricId { get; init; }

    /// <summary>The metric definition's version.</summary>
    public int MetricVersion { get; init; }

    /// <summary>The metric's title.</summary>
    public required string MetricTitle { get; init; }

    /// <summary>A title in words.</summary>
    public required string Title { get; init; }

    /// <summary>The parameters as given (dose, bands, adjust, by, reference, score, cutoff, bandwidth).</summary>
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    /// <summary>The data use licence it ran under (none for an administrator).</summary>
    public string? Licence { get; init; }

    /// <summary>The last day the data cover.</summary>
    public DateOnly AsOf { get; init; }

    /// <summary>The deliveries read, as source#id.</summary>
    public required IReadOnlyList<string> Deliveries { get; init; }

    /// <summary>The linkage run whose person index was read.</summary>
    public long? LinkRun { get; init; }

    /// <summary>Persons studied.</summary>
    public long Persons { get; init; }

    /// <summary>Population rows they came from (a dose-response or discontinuity keeps each person's first; a disparity counts them all).</summary>
    public long Rows { get; init; }

    /// <summary>The bootstrap's seed (dose-response).</summary>
    public int? Seed { get; init; }

    /// <summary>Who ran it.</summary>
    public required string RunBy { get; init; }

    /// <summary>When (UTC).</summary>
    public DateTime RunUtc { get; init; }

    /// <summary>The groups or bands whose figures must be hidden beyond the licensee (small cells and their complements).</summary>
    public IReadOnlyList<string> SmallCells { get; init; } = [];

    /// <summary>What the result cannot tell, printed with it.</summary>
    public IReadOnlyList<string> Caveats { get; init; } = [];

    /// <summary>A dose-response result (or a comparison's, as two groups).</summary>
    public DoseResponseResult? DoseResponse { get; init; }

    /// <summary>A disparity result.</summary>
    public IReadOnlyList<DisparityRow>? Disparity { get; init; }

    /// <summary>A before-and-after result.</summary>
    public BeforeAfterResult? BeforeAfter { get; init; }

    /// <summary>A regression discontinuity result.</summary>
    public RddResult? Rdd { get; init; }

    /// <summary>True when <paramref name="group"/>'s figures must be hidden beyond the licensee.</summary>
    public bool IsSmall(string group) => SmallCells.Contains(group, StringComparer.Ordinal);
}
