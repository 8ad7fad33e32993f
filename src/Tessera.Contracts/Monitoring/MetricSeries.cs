namespace Tessera.Contracts.Monitoring;

/// <summary>
/// One contract metric's figures period by period — the provider's history before the contract
/// included, as the control chart's baseline — and what the contract says about it.
/// </summary>
/// <param name="Contract">The contract's id.</param>
/// <param name="Provider">The provider's id.</param>
/// <param name="Metric">The metric's id.</param>
/// <param name="IsRate">True for a rate (numerator over denominator), which a p-chart can read.</param>
/// <param name="HigherIsBetter">The metric's polarity.</param>
/// <param name="ContractStart">The contract's first day: alerts are raised from here on.</param>
/// <param name="Periods">The periods in date order.</param>
public sealed record MetricSeries(
    string Contract, string Provider, string Metric, bool IsRate, bool HigherIsBetter, DateOnly ContractStart, IReadOnlyList<SeriesPeriod> Periods);

/// <summary>One period of a <see cref="MetricSeries"/>.</summary>
/// <param name="Start">First day.</param>
/// <param name="End">Last day.</param>
/// <param name="Numerator">The figure's numerator, if any.</param>
/// <param name="Denominator">Its denominator, if any.</param>
/// <param name="Value">The figure, if any.</param>
/// <param name="Target">The target in force (null before the contract).</param>
/// <param name="Watch">The watch band in force.</param>
public sealed record SeriesPeriod(DateOnly Start, DateOnly End, long? Numerator, long? Denominator, double? Value, decimal? Target, decimal Watch);
