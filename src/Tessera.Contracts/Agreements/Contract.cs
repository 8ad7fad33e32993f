using System.Globalization;
using Tessera.Contracts.Payments;
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
    /// <summary>How it pays — base, withhold, outcome rates, bonuses, caps and floors — if it pays on results.</summary>
    public PaymentTerms? Payments { get; init; }

    /// <summary>True when its period shares a day with <paramref name="other"/>'s.</summary>
    public bool Overlaps(Contract other) => other is not null && Start <= other.End && other.Start <= End;

    /// <summary>
    /// The contract with <paramref name="target"/> agreed for <paramref name="metric"/> from its day
    /// on — a mid-contract change: earlier targets stay in the history and still apply to their
    /// periods; a target already starting on that day is replaced.
    /// </summary>
    /// <exception cref="ArgumentException">The contract has no such metric, or the day is outside the contract's period.</exception>
    public Contract WithTarget(string metric, PeriodTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var index = Metrics.ToList().FindIndex(m => m.Metric == metric);
        if (index < 0)
        {
            throw new ArgumentException($"Contract {Id} has no metric '{metric}'.", nameof(metric));
        }

        if (target.From < Start || target.From > End)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A target from {target.From:yyyy-MM-dd} is outside contract {Id} ({Start:yyyy-MM-dd} to {End:yyyy-MM-dd})."), nameof(target));
        }

        var changed = Metrics[index] with { Targets = [.. Metrics[index].Targets.Where(t => t.From != target.From).Append(target).OrderBy(t => t.From)] };
        return this with { Metrics = [.. Metrics.Select((m, i) => i == index ? changed : m)] };
    }
}
