namespace Tessera.Contracts.Agreements;

/// <summary>
/// A target agreed for the periods from <see cref="From"/> on (until the next target's), with
/// who proposed it, when it was agreed and why — targets are set jointly with providers, and the
/// history of each is kept.
/// </summary>
/// <param name="From">First day it applies (the contract's start for the first target).</param>
/// <param name="Value">The target: a rate from 0 to 1, or a count, days, dollars … as the metric measures.</param>
/// <param name="ProposedBy">Who proposed it, e.g. "agency" or "provider" (optional).</param>
/// <param name="AgreedOn">The day it was agreed (optional).</param>
/// <param name="Reason">Why this value, e.g. "first year's median" (optional).</param>
public sealed record PeriodTarget(DateOnly From, decimal Value, string? ProposedBy, DateOnly? AgreedOn, string? Reason);
