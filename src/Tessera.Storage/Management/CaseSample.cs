namespace Tessera.Storage.Management;

/// <summary>One case drawn for a case-file review: a pseudonymous person and whether their outcome was good.</summary>
/// <param name="Contract">The contract.</param>
/// <param name="Metric">The metric.</param>
/// <param name="Outcome">good or poor (by the metric's polarity).</param>
/// <param name="PersonId">The person's pseudonymous id.</param>
/// <param name="Anchor">The day the case counts from (e.g. the enrolment).</param>
/// <param name="PeriodStart">The period it counts in.</param>
public sealed record CaseSample(string Contract, string Metric, string Outcome, string PersonId, DateOnly Anchor, DateOnly PeriodStart)
{
    /// <summary>The CSV header.</summary>
    public static IReadOnlyList<string> Header { get; } = ["contract", "metric", "outcome", "person_id", "anchor_date", "period_start"];

    /// <summary>The cells in <see cref="Header"/>'s order.</summary>
    public IReadOnlyList<object?> Cells => [Contract, Metric, Outcome, PersonId, Anchor, PeriodStart];
}
