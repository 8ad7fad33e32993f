namespace Tessera.Contracts.Planning;

/// <summary>
/// The six-week workshop series: a one-hour preparation meeting, two three-hour content workshops
/// (the first on goals, metrics, data sharing and evaluation; the second on continuous improvement
/// and incentive structures) and a two-hour next-steps meeting with the prioritisation exercise.
/// A new assessment starts with these four sessions, dated two weeks apart from its first day
/// (the next-steps meeting in the sixth week), and the facilitator changes dates and agendas.
/// </summary>
public static class WorkshopSeries
{
    /// <summary>The recommended number of participants, fewest and most.</summary>
    public static (int Fewest, int Most) RecommendedSize { get; } = (8, 12);

    /// <summary>The four sessions of a series starting on <paramref name="start"/>.</summary>
    public static IReadOnlyList<AssessmentSession> Sessions(DateOnly start) =>
    [
        new(1, "Preparation", 1, start,
            "Goals for the workshops; who takes part (program, budget, data and procurement staff); the context and data to tailor the workshops; the contracts and procurements to bring.", null),
        new(2, "Workshop 1: goals, metrics, data sharing and evaluation", 3, start.AddDays(14),
            "Case examples from other jurisdictions; break-out groups answer the questionnaire on goals, metrics and data sharing & evaluation; compare answers and agree levels.", null),
        new(3, "Workshop 2: continuous improvement and incentives", 3, start.AddDays(28),
            "Case examples; break-out groups answer the questionnaire on continuous improvement processes and incentive structures; compare answers and agree levels.", null),
        new(4, "Next steps and prioritisation", 2, start.AddDays(38),
            "The assessment's strengths and gaps; rate the contract inventory on the readiness criteria and agree the weights; the short list, next steps and demonstration project; questions.", null),
    ];

    /// <summary>The recommended teams with nobody from them among <paramref name="participants"/>.</summary>
    public static IReadOnlyList<string> MissingTeams(IEnumerable<Participant> participants) =>
        [.. Participant.RecommendedTeams.Except(participants.Select(p => p.Team), StringComparer.OrdinalIgnoreCase)];
}
