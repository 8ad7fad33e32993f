using Tessera.Core.Contracting;

namespace Tessera.Contracts.Payments;

/// <summary>A line of the outcome rate card: the price of an outcome measured by a contract metric.</summary>
/// <param name="Metric">The metric (one of the contract's).</param>
/// <param name="Rate">The price, 0 or more.</param>
/// <param name="Per">Per person achieving the outcome, or per cohort meeting the target.</param>
public sealed record OutcomeRate(string Metric, Money Rate, OutcomeUnit Per);
