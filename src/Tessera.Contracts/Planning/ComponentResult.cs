namespace Tessera.Contracts.Planning;

/// <summary>A component's score, each participant's own view of it and how far apart they are.</summary>
/// <param name="Component">The component.</param>
/// <param name="Score">The mean of its questions' levels (agreed, or else the answers' mean), 1 to 4; null when no question was answered.</param>
/// <param name="ByParticipant">Each participant's mean over their own answers to the component's questions.</param>
/// <param name="Spread">Highest participant's score minus the lowest's: how differently they see the agency.</param>
/// <param name="Questions">The component's questions.</param>
public sealed record ComponentResult(
    AssessmentComponent Component, double? Score, IReadOnlyList<ParticipantScore> ByParticipant, double Spread, IReadOnlyList<QuestionResult> Questions);

/// <summary>One participant's score of a component.</summary>
/// <param name="Participant">Who.</param>
/// <param name="Score">The mean of their answers, 1 to 4.</param>
public sealed record ParticipantScore(string Participant, double Score);
