namespace Tessera.Contracts.Agreements;

/// <summary>
/// One outcome metric written into a contract: the metric (from the library or the workspace),
/// what kind of measure it is, its targets over time, the watch band and a best-practice benchmark.
/// </summary>
/// <param name="Metric">The metric's id, e.g. <c>acm-training-completion</c>.</param>
/// <param name="Type">Input, activity or outcome.</param>
/// <param name="Targets">Targets in date order; each applies from its day until the next.</param>
/// <param name="Watch">How far short of the target still counts as "watch" rather than "off track".</param>
/// <param name="BestPractice">A best-practice benchmark, if one was entered.</param>
public sealed record ContractMetric(string Metric, MeasureType Type, IReadOnlyList<PeriodTarget> Targets, decimal Watch, BestPractice? BestPractice)
{
    /// <summary>The target in force on <paramref name="day"/> (the first one before the first takes effect).</summary>
    public PeriodTarget TargetOn(DateOnly day) => Targets.LastOrDefault(t => t.From <= day) ?? Targets[0];
}
