using Tessera.Core.Contracting;

namespace Tessera.Contracts.Agreements;

/// <summary>
/// A contract between a purchasing agency and a provider for a program over a period, with its
/// value, where it is in the cycle, whom it serves and the outcome metrics it is managed, paid and
/// evaluated on.
/// </summary>
/// <param name="Id">Its id, e.g. <c>WF01-2024</c>.</param>
/// <param name="Agency">The purchasing agency (a source of the workspace), e.g. <c>workforce</c>.</param>
/// <param name="Provider">The contracted provider.</param>
/// <param name="Program">The program's id.</param>
/// <param name="Start">First day in force.</param>
/// <param name="End">Last day in force.</param>
/// <param name="Value">The contract's value, if given.</param>
/// <param name="FundingSource">Where the money comes from (optional), e.g. "WIOA Title I".</param>
/// <param name="Stage">Plan, procure, manage or evaluate.</param>
/// <param name="Population">Whom it serves, in words (optional).</param>
/// <param name="Metrics">Its outcome metrics.</param>
public sealed record Contract(
    ContractId Id, string Agency, ProviderId Provider, string Program, DateOnly Start, DateOnly End, Money? Value, string? FundingSource,
    ContractStage Stage, string? Population, IReadOnlyList<ContractMetric> Metrics)
{
    /// <summary>True when its period shares a day with <paramref name="other"/>'s.</summary>
    public bool Overlaps(Contract other) => other is not null && Start <= other.End && other.Start <= End;
}
