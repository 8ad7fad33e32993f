namespace Tessera.Contracts.Planning;

/// <summary>A strength or a gap, in words a participant would use: where the agency is on a question, and for a gap the next level up.</summary>
/// <param name="Component">The component.</param>
/// <param name="Question">The question's id.</param>
/// <param name="Level">The question's level (agreed, or the answers' mean).</param>
/// <param name="Text">The finding.</param>
public sealed record AssessmentFinding(AssessmentComponent Component, string Question, double Level, string Text);
