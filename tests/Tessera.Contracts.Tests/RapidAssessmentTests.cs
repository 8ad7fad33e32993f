using Tessera.Contracts.Planning;

namespace Tessera.Contracts.Tests;

/// <summary>The rapid assessment's scores from three participants' answers, against a hand computation.</summary>
public sealed class RapidAssessmentTests
{
    // Three participants from program (A), budget (B) and data (C); C skipped metrics.definitions; nobody answered continuous improvement.
    private static readonly AssessmentAnswer[] Answers =
    [
        new("A", "goals.outcomes", 3, "Strategic plan 2026"), new("B", "goals.outcomes", 2, null), new("C", "goals.outcomes", 1, null),
        new("A", "goals.population", 2, null), new("B", "goals.population", 2, null), new("C", "goals.population", 3, null),
        new("A", "goals.two_generation", 1, null), new("B", "goals.two_generation", 1, null), new("C", "goals.two_generation", 1, null),
        new("A", "metrics.outcomes", 4, null), new("B", "metrics.outcomes", 3, null), new("C", "metrics.outcomes", 4, null),
        new("A", "metrics.definitions", 3, null), new("B", "metrics.definitions", 3, null),
        new("A", "metrics.equity", 2, null), new("B", "metrics.equity", 1, null), new("C", "metrics.equity", 1, null),
        new("A", "data.sharing", 4, null), new("B", "data.sharing", 4, null), new("C", "data.sharing", 4, null),
        new("A", "incentives.payment", 1, null), new("B", "incentives.payment", 2, null), new("C", "incentives.payment", 1, null),
    ];

    [Fact]
    public void Component_scores_are_the_mean_of_question_levels_and_the_spread_is_between_participants_own_means()
    {
        var result = AssessmentResult.Of(Answers, new Dictionary<string, int>());

        // Goals: questions 2, 7/3 and 1 → 16/9; A 6/3, B 5/3, C 5/3 → spread 1/3.
        var goals = Component(result, AssessmentComponent.Goals);
        Assert.Equal(16.0 / 9, goals.Score!.Value, 1e-9);
        Assert.Equal(1.0 / 3, goals.Spread, 1e-9);
        Assert.Equal([2.0, 5.0 / 3, 5.0 / 3], goals.ByParticipant.Select(p => p.Score));

        // Metrics: questions 11/3, 3 and 4/3 → 8/3; A 3, B 7/3, C (4 + 1) / 2 = 2.5 → spread 2/3.
        var metrics = Component(result, AssessmentComponent.Metrics);
        Assert.Equal(8.0 / 3, metrics.Score!.Value, 1e-9);
        Assert.Equal(2.0 / 3, metrics.Spread, 1e-9);

        Assert.Equal(4, Component(result, AssessmentComponent.DataSharingAndEvaluation).Score!.Value, 1e-9);
        Assert.Null(Component(result, AssessmentComponent.ContinuousImprovement).Score);
        Assert.Equal(4.0 / 3, Component(result, AssessmentComponent.IncentiveStructures).Score!.Value, 1e-9);
        Assert.Equal(1, Component(result, AssessmentComponent.IncentiveStructures).Spread, 1e-9);
        Assert.Equal(["A", "B", "C"], result.Participants);
    }

    [Fact]
    public void Answers_two_levels_apart_are_to_discuss_until_the_group_agrees_a_level()
    {
        var before = AssessmentResult.Of(Answers, new Dictionary<string, int>());
        Assert.Equal(["goals.outcomes"], before.ToDiscuss.Select(q => q.Question.Id));

        var after = AssessmentResult.Of(Answers, new Dictionary<string, int> { ["goals.outcomes"] = 3 });

        Assert.Empty(after.ToDiscuss);
        Assert.Equal((3 + (7.0 / 3) + 1) / 3, Component(after, AssessmentComponent.Goals).Score!.Value, 1e-9);
        Assert.Equal(1.0 / 3, Component(after, AssessmentComponent.Goals).Spread, 1e-9); // participants' own views are unchanged
    }

    [Fact]
    public void Strengths_and_gaps_quote_the_questionnaire_in_plain_words()
    {
        var result = AssessmentResult.Of(Answers, new Dictionary<string, int>());

        Assert.Equal(["data.sharing", "metrics.outcomes", "metrics.definitions"], result.Strengths.Select(s => s.Question));
        Assert.Equal(["goals.two_generation", "metrics.equity", "incentives.payment", "goals.outcomes", "goals.population"], result.Gaps.Select(g => g.Question));
        Assert.Equal(
            "Results by group (equity): today, results are never broken down by race, ethnicity or place. Next step: results are broken down on request.",
            result.Gaps.Single(g => g.Question == "metrics.equity").Text);
        Assert.StartsWith("Data sharing across agencies: An integrated data system", result.Strengths[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_outside_the_levels_or_the_questionnaire_is_refused_with_what_was_expected()
    {
        var level = Assert.Throws<ArgumentException>(() => AssessmentResult.Of([new("A", "goals.outcomes", 5, null)], new Dictionary<string, int>()));
        Assert.Contains("must be 1 to 4, not 5", level.Message, StringComparison.Ordinal);
        var question = Assert.Throws<ArgumentException>(() => AssessmentResult.Of([new("A", "goals.vision", 2, null)], new Dictionary<string, int>()));
        Assert.Contains("No question 'goals.vision'", question.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_component_has_three_questions_of_four_levels()
    {
        Assert.All(Enum.GetValues<AssessmentComponent>(), c => Assert.Equal(3, Questionnaire.Questions.Count(q => q.Component == c)));
        Assert.All(Questionnaire.Questions, q => Assert.Equal(4, q.Levels.Count));
        Assert.Equal(Questionnaire.Questions.Count, Questionnaire.Questions.Select(q => q.Id).Distinct().Count());
    }

    private static ComponentResult Component(AssessmentResult result, AssessmentComponent component) => result.Components.Single(c => c.Component == component);
}
