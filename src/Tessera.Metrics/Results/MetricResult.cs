namespace Tessera.Metrics.Results;

/// <summary>One stored figure: a metric for one group value in one period.</summary>
/// <param name="MetricId">The metric.</param>
/// <param name="Version">The definition version it was computed with.</param>
/// <param name="Group">"all", or the breakdown's name (e.g. "provider_id").</param>
/// <param name="GroupValue">"all", or the breakdown's value (e.g. "WF01").</param>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="PeriodEnd">Last day of the period.</param>
/// <param name="Numerator">Rows counting in the numerator (rates, counts), or null.</param>
/// <param name="Denominator">Rows (or persons, for per-person values) behind the value, or null for counts.</param>
/// <param name="Value">The figure: a rate between 0 and 1, a count, a mean, a median or a sum; null when nothing to summarise.</param>
public sealed record MetricResult(string MetricId, int Version, string Group, string GroupValue, DateOnly PeriodStart, DateOnly PeriodEnd, long? Numerator, long? Denominator, double? Value);
