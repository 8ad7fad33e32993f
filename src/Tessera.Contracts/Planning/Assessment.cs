namespace Tessera.Contracts.Planning;

/// <summary>A rapid assessment of an agency: who runs it, who takes part and its four sessions.</summary>
/// <param name="Id">Its number.</param>
/// <param name="Agency">The agency assessed (a source of the workspace).</param>
/// <param name="Title">Its title, e.g. "Benefits agency, spring 2027".</param>
/// <param name="Facilitator">Who runs it.</param>
/// <param name="Participants">Who takes part.</param>
/// <param name="Sessions">Its four sessions.</param>
public sealed record Assessment(long Id, string Agency, string Title, string Facilitator, IReadOnlyList<Participant> Participants, IReadOnlyList<AssessmentSession> Sessions);
