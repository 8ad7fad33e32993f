namespace Tessera.Storage.Payments;

/// <summary>A person behind a paid outcome: pseudonymous, never a name.</summary>
/// <param name="Statement">The statement.</param>
/// <param name="Line">The outcome line (1 is the first).</param>
/// <param name="Metric">The metric.</param>
/// <param name="PeriodStart">The metric period in which the person qualified (the first, if several).</param>
/// <param name="PersonId">The person's stable pseudonymous id.</param>
public sealed record OutcomeEvidence(long Statement, int Line, string Metric, DateOnly PeriodStart, string PersonId)
{
    /// <summary>The CSV header of the evidence download.</summary>
    public static IReadOnlyList<string> Header { get; } = ["statement", "line", "metric", "period_start", "person_id"];

    /// <summary>The row in <see cref="Header"/>'s order.</summary>
    public IReadOnlyList<object?> Cells => [Statement, Line, Metric, PeriodStart, PersonId];
}
