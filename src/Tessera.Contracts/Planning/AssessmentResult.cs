using System.Globalization;

namespace Tessera.Contracts.Planning;

/// <summary>
/// The rapid assessment's scores: per component, the group's level and how far apart the
/// participants are; the strengths and gaps in plain words; and the questions the group should
/// talk through because participants saw the agency two or more levels apart.
/// </summary>
/// <param name="Components">The five components, in order.</param>
/// <param name="Strengths">Questions at level 3 or above, highest first.</param>
/// <param name="Gaps">Questions below 2.5, lowest first.</param>
/// <param name="ToDiscuss">Questions whose answers are two or more levels apart and not yet reconciled.</param>
/// <param name="Participants">Everyone who answered at least once.</param>
public sealed record AssessmentResult(
    IReadOnlyList<ComponentResult> Components, IReadOnlyList<AssessmentFinding> Strengths, IReadOnlyList<AssessmentFinding> Gaps,
    IReadOnlyList<QuestionResult> ToDiscuss, IReadOnlyList<string> Participants)
{
    /// <summary>Level at or above which a question is a strength.</summary>
    public const double StrengthFrom = 3;

    /// <summary>Level below which a question is a gap.</summary>
    public const double GapBelow = 2.5;

    /// <summary>
    /// Scores <paramref name="answers"/> against the questionnaire, taking the group's
    /// <paramref name="agreed"/> level (question id → level) where it reconciled one.
    /// </summary>
    /// <exception cref="ArgumentException">An answer or agreed level names no question of the questionnaire or is outside 1 to 4.</exception>
    public static AssessmentResult Of(IReadOnlyList<AssessmentAnswer> answers, IReadOnlyDictionary<string, int> agreed)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(agreed);
        foreach (var (question, level) in answers.Select(a => (a.Question, a.Level)).Concat(agreed.Select(a => (a.Key, a.Value))))
        {
            Check(question, level);
        }

        var questions = Questionnaire.Questions.Select(q =>
        {
            var mine = answers.Where(a => a.Question == q.Id).OrderBy(a => a.Participant, StringComparer.Ordinal).ToList();
            int? settled = agreed.TryGetValue(q.Id, out var level) ? level : null;
            var value = settled is { } s ? s : mine.Count > 0 ? mine.Average(a => a.Level) : (double?)null;
            return new QuestionResult(q, mine, settled, value, mine.Count > 0 ? mine.Max(a => a.Level) - mine.Min(a => a.Level) : 0);
        }).ToList();

        var components = Enum.GetValues<AssessmentComponent>().Select(component =>
        {
            var own = questions.Where(q => q.Question.Component == component).ToList();
            var levels = own.Where(q => q.Level is not null).Select(q => q.Level!.Value).ToList();
            var byParticipant = own.SelectMany(q => q.Answers).GroupBy(a => a.Participant, StringComparer.Ordinal)
                .Select(g => new ParticipantScore(g.Key, g.Average(a => a.Level))).OrderBy(p => p.Participant, StringComparer.Ordinal).ToList();
            var spread = byParticipant.Count > 0 ? byParticipant.Max(p => p.Score) - byParticipant.Min(p => p.Score) : 0;
            return new ComponentResult(component, levels.Count > 0 ? levels.Average() : null, byParticipant, spread, own);
        }).ToList();

        var strengths = questions.Where(q => q.Level >= StrengthFrom).OrderByDescending(q => q.Level).ThenBy(q => q.Question.Component)
            .Select(q => new AssessmentFinding(q.Question.Component, q.Question.Id, q.Level!.Value, $"{q.Question.Topic}: {q.Question.Describe(Rounded(q.Level.Value))}")).ToList();
        var gaps = questions.Where(q => q.Level < GapBelow).OrderBy(q => q.Level).ThenBy(q => q.Question.Component)
            .Select(q => new AssessmentFinding(q.Question.Component, q.Question.Id, q.Level!.Value,
                $"{q.Question.Topic}: today, {Lower(q.Question.Describe(Rounded(q.Level.Value)))} Next step: {Lower(q.Question.Describe(Rounded(q.Level.Value) + 1))}")).ToList();
        var participants = answers.Select(a => a.Participant).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new AssessmentResult(components, strengths, gaps, [.. questions.Where(q => q.NeedsDiscussion)], participants);
    }

    /// <summary>Checks that <paramref name="question"/> is in the questionnaire and <paramref name="level"/> is 1 to 4.</summary>
    /// <exception cref="ArgumentException">It is not.</exception>
    public static void Check(string question, int level)
    {
        if (Questionnaire.Find(question) is null)
        {
            throw new ArgumentException($"No question '{question}' in the questionnaire; expected one of {string.Join(", ", Questionnaire.Questions.Select(q => q.Id))}.", nameof(question));
        }

        if (level is < AssessmentQuestion.Lowest or > AssessmentQuestion.Highest)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Question '{question}': the level must be 1 to 4, not {level}."), nameof(level));
        }
    }

    private static int Rounded(double level) => (int)Math.Round(level, MidpointRounding.AwayFromZero);

    private static string Lower(string sentence) => sentence.Length == 0 ? sentence : char.ToLowerInvariant(sentence[0]) + sentence[1..];
}
