namespace Tessera.Contracts.Payments;

/// <summary>
/// What the linked administrative data say about one contract metric over one payment period,
/// from a published metric run the provider cannot edit.
/// </summary>
/// <param name="Metric">The metric.</param>
/// <param name="HigherIsBetter">Its polarity.</param>
/// <param name="Value">The period's figure, pooled over the metric's own periods in it (null: no data).</param>
/// <param name="Outcomes">Persons who achieved the outcome in the period, each counted once.</param>
/// <param name="Run">The metric run the figures come from.</param>
public sealed record MetricEvidence(string Metric, bool HigherIsBetter, double? Value, long Outcomes, long? Run);
