using Tessera.Core.Contracting;

namespace Tessera.Contracts.Payments;

/// <summary>
/// A tier of a performance bonus: <paramref name="Amount"/> when the period's figure of
/// <paramref name="Metric"/> is at least <paramref name="Threshold"/> (at most, for a metric where
/// lower is better). Of a metric's tiers only the highest reached pays.
/// </summary>
/// <param name="Metric">The metric (one of the contract's).</param>
/// <param name="Threshold">The figure to reach.</param>
/// <param name="Amount">What the tier pays, 0 or more.</param>
public sealed record BonusTier(string Metric, decimal Threshold, Money Amount);
