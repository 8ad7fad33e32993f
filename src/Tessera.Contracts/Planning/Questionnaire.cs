namespace Tessera.Contracts.Planning;

/// <summary>
/// The rapid assessment's questionnaire: three questions for each of the five components, each
/// with four levels from "not yet" to "established". The levels are written as descriptions of an
/// agency rather than as grades, so that program, budget, data and procurement staff can each
/// recognise their own agency without knowing the vocabulary, and so that the report can quote
/// them as the plain-language strengths and gaps.
/// </summary>
public static class Questionnaire
{
    /// <summary>Every question, component by component.</summary>
    public static IReadOnlyList<AssessmentQuestion> Questions { get; } =
    [
        new("goals.outcomes", AssessmentComponent.Goals, "Outcome goals for the people served",
        [
            "Programs are described by the services they buy, not by what should change for people.",
            "Some programs name the change they want for people, in general words.",
            "Most programs have written outcome goals, agreed with program leadership.",
            "Every program has outcome goals, shared with providers and used in decisions.",
        ]),
        new("goals.population", AssessmentComponent.Goals, "Whom each program is for",
        [
            "Eligibility rules are the only description of whom a program serves.",
            "Programs name a target population, but referrals do not follow it.",
            "Target populations are defined and referrals are checked against them.",
            "Target populations are defined from data on need, and reviewed each year.",
        ]),
        new("goals.two_generation", AssessmentComponent.Goals, "Families as a whole (two-generation lens)",
        [
            "Programs serve an individual; other family members are out of view.",
            "Staff know families are served by several programs, case by case.",
            "Some goals name outcomes for parents and children together.",
            "Goals for parents and children are set together across programs.",
        ]),
        new("metrics.outcomes", AssessmentComponent.Metrics, "Outcome measures in contracts",
        [
            "Contracts count activities: people served, hours, sessions.",
            "Contracts report some outcomes, without targets.",
            "Contracts have outcome measures with targets.",
            "Outcome measures with targets, definitions and baselines in every major contract.",
        ]),
        new("metrics.definitions", AssessmentComponent.Metrics, "Measure definitions",
        [
            "Each provider counts in its own way.",
            "Measures are named the same, but computed differently.",
            "Measures have written definitions that providers follow.",
            "Measures are computed by the agency from shared data, the same way for every provider.",
        ]),
        new("metrics.equity", AssessmentComponent.Metrics, "Results by group (equity)",
        [
            "Results are never broken down by race, ethnicity or place.",
            "Results are broken down on request.",
            "Results are broken down by group in regular reports.",
            "Disparities have their own targets and are reviewed with providers.",
        ]),
        new("data.sharing", AssessmentComponent.DataSharingAndEvaluation, "Data sharing across agencies",
        [
            "No agreements: each agency's data stays with it.",
            "Agreements for single projects, made one at a time.",
            "Standing agreements with the main partner agencies.",
            "An integrated data system with governance, used for several programs.",
        ]),
        new("data.quality", AssessmentComponent.DataSharingAndEvaluation, "Data quality and timeliness",
        [
            "Data arrive late or incomplete, and nobody checks.",
            "Quality problems are found when a report looks wrong.",
            "Deliveries are checked on arrival and problems sent back.",
            "Quality is measured each delivery and improves over time.",
        ]),
        new("data.evaluation", AssessmentComponent.DataSharingAndEvaluation, "Evidence of what works",
        [
            "Programs are not evaluated.",
            "Occasional evaluations by outside researchers.",
            "Major programs compared with similar people not served.",
            "Evaluation planned with each procurement and used to fund what works.",
        ]),
        new("improvement.meetings", AssessmentComponent.ContinuousImprovement, "Performance conversations with providers",
        [
            "Contact with providers is about compliance and invoices.",
            "Annual reviews of each provider.",
            "Regular (quarterly) reviews of performance data.",
            "Monthly meetings on the data, with action items followed up.",
        ]),
        new("improvement.data_use", AssessmentComponent.ContinuousImprovement, "Data back to providers",
        [
            "Providers get no data on their results.",
            "Providers get an annual report.",
            "Providers get regular reports, comparable across providers.",
            "Providers see near-real-time dashboards and use them to change practice.",
        ]),
        new("improvement.learning", AssessmentComponent.ContinuousImprovement, "Learning across the system",
        [
            "Problems are handled contract by contract.",
            "Lessons are shared informally.",
            "Cross-provider meetings share what works.",
            "Lessons change referral, program design and the next procurement.",
        ]),
        new("incentives.payment", AssessmentComponent.IncentiveStructures, "Payment tied to results",
        [
            "Payment is for costs or units of service only.",
            "Small bonuses, rarely paid.",
            "Part of payment depends on outcomes in some contracts.",
            "Outcome payments in major contracts, with rates set from baselines.",
        ]),
        new("incentives.renewal", AssessmentComponent.IncentiveStructures, "Renewal and procurement decisions",
        [
            "Contracts renew unless something goes wrong.",
            "Performance is mentioned at renewal.",
            "Performance data are weighed at renewal and in scoring proposals.",
            "Renewal and awards follow results, with providers told in advance how.",
        ]),
        new("incentives.flexibility", AssessmentComponent.IncentiveStructures, "Provider flexibility",
        [
            "Contracts prescribe every service and input.",
            "Some budget flexibility on request.",
            "Providers may change how they serve people if outcomes are met.",
            "Flexibility is the rule, with outcomes and guardrails in the contract.",
        ]),
    ];

    /// <summary>The question with id <paramref name="id"/>, or null.</summary>
    public static AssessmentQuestion? Find(string id) => Questions.FirstOrDefault(q => string.Equals(q.Id, id, StringComparison.Ordinal));

    /// <summary>The component's name as people say it.</summary>
    public static string Name(AssessmentComponent component) => component switch
    {
        AssessmentComponent.Goals => "Goals",
        AssessmentComponent.Metrics => "Metrics",
        AssessmentComponent.DataSharingAndEvaluation => "Data sharing & evaluation",
        AssessmentComponent.ContinuousImprovement => "Continuous improvement processes",
        AssessmentComponent.IncentiveStructures => "Incentive structures",
        _ => component.ToString(),
    };

    /// <summary>The component's short id, as in commands and files (<c>goals</c>, <c>metrics</c>, <c>data</c>, <c>improvement</c>, <c>incentives</c>).</summary>
    public static string Key(AssessmentComponent component) => component switch
    {
        AssessmentComponent.Goals => "goals",
        AssessmentComponent.Metrics => "metrics",
        AssessmentComponent.DataSharingAndEvaluation => "data",
        AssessmentComponent.ContinuousImprovement => "improvement",
        AssessmentComponent.IncentiveStructures => "incentives",
        _ => component.ToString().ToLowerInvariant(),
    };
}
