namespace Tessera.Contracts.Agreements;

/// <summary>A best-practice benchmark for a metric, entered with where it comes from.</summary>
/// <param name="Value">The benchmark value.</param>
/// <param name="Citation">Its source, e.g. "GPL, Rhode Island DCYF 2019".</param>
public sealed record BestPractice(decimal Value, string Citation);
