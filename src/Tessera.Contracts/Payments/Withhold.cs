namespace Tessera.Contracts.Payments;

/// <summary>
/// A share of each base payment held back and earned back in proportion to how far the period's
/// figure of <paramref name="EarnBackMetric"/> reaches its target (fully at or beyond it).
/// </summary>
/// <param name="Share">The share withheld, above 0 and at most 1 (0.10 is 10%).</param>
/// <param name="EarnBackMetric">The metric it is earned back on (one of the contract's).</param>
public sealed record Withhold(decimal Share, string EarnBackMetric);
