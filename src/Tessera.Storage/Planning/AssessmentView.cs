using Tessera.Contracts.Planning;

namespace Tessera.Storage.Planning;

/// <summary>A rapid assessment as its pages and report show it: the assessment, every answer, the agreed levels and the scores.</summary>
/// <param name="Assessment">The assessment, participants and sessions.</param>
/// <param name="Answers">Every answer recorded.</param>
/// <param name="Agreed">The levels the group agreed (question id → level).</param>
/// <param name="Result">The scores, strengths, gaps and questions to discuss.</param>
public sealed record AssessmentView(Assessment Assessment, IReadOnlyList<AssessmentAnswer> Answers, IReadOnlyDictionary<string, int> Agreed, AssessmentResult Result)
{
    /// <summary>The recommended teams nobody comes from.</summary>
    public IReadOnlyList<string> MissingTeams => WorkshopSeries.MissingTeams(Assessment.Participants);
}
