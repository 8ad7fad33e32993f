namespace Tessera.Contracts.Planning;

/// <summary>A participant's answer to a question: the level that reads like the agency today, and the evidence for it.</summary>
/// <param name="Participant">Who answered.</param>
/// <param name="Question">The question's id.</param>
/// <param name="Level">1 to 4.</param>
/// <param name="Evidence">What shows it (a document, a practice, an example), if given.</param>
public sealed record AssessmentAnswer(string Participant, string Question, int Level, string? Evidence);
