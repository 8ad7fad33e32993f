namespace Tessera.Contracts.Planning;

/// <summary>Where the participants put the agency on one question, and the level the group agreed, if it did.</summary>
/// <param name="Question">The question.</param>
/// <param name="Answers">Each participant's answer.</param>
/// <param name="Agreed">The level the group agreed on when reconciling, if it did.</param>
/// <param name="Level">The agreed level, or else the mean of the answers; null when nobody answered.</param>
/// <param name="Spread">Highest answer minus lowest.</param>
public sealed record QuestionResult(AssessmentQuestion Question, IReadOnlyList<AssessmentAnswer> Answers, int? Agreed, double? Level, int Spread)
{
    /// <summary>True when participants are two or more levels apart and the group has not agreed a level: a question to talk through.</summary>
    public bool NeedsDiscussion => Agreed is null && Spread >= 2;
}
