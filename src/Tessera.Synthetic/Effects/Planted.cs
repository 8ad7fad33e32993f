namespace Tessera.Synthetic.Effects;

/// <summary>
/// The effects deliberately planted in the synthetic county, with their true sizes. Later work
/// (metrics, contract dashboards, evaluation) is tested on whether it finds these; the truth
/// file effects.json repeats them next to what the draw actually produced.
/// </summary>
internal static class Planted
{
    /// <summary>Job-training providers: id, name, enrolment, first-day attendance and completion probabilities, cost per enrollee.</summary>
    public static IReadOnlyList<TrainingProvider> TrainingProviders { get; } =
    [
        new("WF01", "Pathways Works", 0.82, 0.93, 0.80, 4800m),
        new("WF02", "Second Start Center", 0.55, 0.70, 0.30, 5600m),
        new("WF03", "Riverton Job Partners", 0.74, 0.85, 0.55, 5000m),
        new("WF04", "Fairview Career Link", 0.70, 0.84, 0.55, 5100m),
        new("WF05", "Northside Skills Collaborative", 0.70, 0.82, 0.52, 4900m),
        new("WF06", "Eastgate Training Works", 0.72, 0.88, ClientMixEasyCompletion, 5000m),
        new("WF07", "Harbor Second Chance Training", 0.72, 0.88, ClientMixEasyCompletion, 5000m),
    ];

    /// <summary>
    /// Two providers equally effective with every kind of client (completion given first-day
    /// attendance <see cref="ClientMixEasyCompletion"/>, times <see cref="AfterPrisonCompletionFactor"/>
    /// for people released from prison before their referral, as everywhere), of whom the second
    /// serves markedly more people released from prison (<see cref="HarderCasesRouting"/>): raw
    /// rates rank them apart, rates adjusted for prior prison do not.
    /// </summary>
    public static IReadOnlyList<string> ClientMixPair { get; } = ["WF06", "WF07"];

    /// <summary>The pair's provider for harder cases.</summary>
    public const string HarderCasesProvider = "WF07";

    /// <summary>Completion given attendance at either of the pair, before the prison factor.</summary>
    public const double ClientMixEasyCompletion = 0.65;

    /// <summary>People released from prison before their referral complete a quarter as often, at any provider.</summary>
    public const double AfterPrisonCompletionFactor = 0.25;

    /// <summary>The share of referrals of people with a prison record sent to WF07 (the rest go to any provider).</summary>
    public const double HarderCasesRouting = 0.8;

    /// <summary>The share of other referrals drawn for WF07 that go to WF06 instead.</summary>
    public const double EasierCasesRouting = 0.9;

    /// <summary>The provider whose first-day attendance drops for <see cref="AttendanceDropWeeks"/> weeks (in its own records and the agency's alike).</summary>
    public const string AttendanceDropProvider = "WF04";

    /// <summary>First-day attendance at <see cref="AttendanceDropProvider"/> during the drop (0.84 otherwise).</summary>
    public const double DroppedFirstDay = 0.30;

    /// <summary>How many weeks the drop lasts.</summary>
    public const int AttendanceDropWeeks = 6;

    /// <summary>The Monday the attendance drop starts: the first Monday of the middle month.</summary>
    public static DateOnly AttendanceDropStart(Tessera.Core.Time.YearMonth start, int months)
    {
        var first = start.AddMonths(months / 2).FirstDay;
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    /// <summary>The chance that a client enrolled at <paramref name="provider"/> on <paramref name="enrolled"/> comes on the first day.</summary>
    public static double FirstDayChance(TrainingProvider provider, DateOnly enrolled, Tessera.Core.Time.YearMonth start, int months)
    {
        var drop = AttendanceDropStart(start, months);
        return provider.Id == AttendanceDropProvider && enrolled >= drop && enrolled < drop.AddDays(7 * AttendanceDropWeeks) ? DroppedFirstDay : provider.FirstDay;
    }

    public const string BestTrainingProvider = "WF01";
    public const string WorstTrainingProvider = "WF02";
    public const string CollapsingTrainingProvider = "WF03";

    /// <summary>Enrolment probability at the collapsing provider during its three bad months.</summary>
    public const double CollapsedEnrolment = 0.18;

    /// <summary>Month offset (0-based) in which WF03's referral-to-enrolment rate collapses.</summary>
    public static int CollapseMonth(int months) => Math.Max(1, months * 2 / 3);

    /// <summary>Employment in the 2nd quarter after exit rises this much for completers.</summary>
    public const double CompletionEmploymentLift = 0.25;

    /// <summary>Employment rises this much for a parent once a child-care subsidy starts.</summary>
    public const double SubsidyEmploymentLift = 0.15;

    /// <summary>Family preservation: chance of a new screened-in report within 12 months after services end.</summary>
    public const double ReinvolvementShortDose = 0.32;

    /// <summary>Same, for three or more months of service: half the short-dose rate.</summary>
    public const double ReinvolvementLongDose = 0.16;

    /// <summary>
    /// Family preservation by risk score: the risk assessment done when an investigation finds
    /// maltreatment scores the family 0–99, and every family scoring at or above this cut-off is
    /// referred to family preservation (a sharp cut-off a regression discontinuity design can find).
    /// </summary>
    public const int RiskCutoff = 45;

    /// <summary>
    /// Below the cut-off, the chance of a new report within a year of the assessment rises with the
    /// score: <see cref="RereportBelowCutoff"/> plus <see cref="RereportPerPoint"/> per point. At and
    /// above it, the family's chance is family preservation's, whatever the score.
    /// </summary>
    public const double RereportBelowCutoff = 0.10;

    /// <summary>The rise per point of risk score below the cut-off.</summary>
    public const double RereportPerPoint = 0.008;

    /// <summary>The chance of a new report within a year of an assessment scoring <paramref name="score"/>, for a family not referred to family preservation.</summary>
    public static double RereportChance(int score) => RereportBelowCutoff + (RereportPerPoint * score);

    /// <summary>Emergency-shelter projects: exits to permanent housing by project.</summary>
    public static IReadOnlyDictionary<string, double> ShelterExitToPermanent { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["ES01"] = 0.55,
        ["ES02"] = 0.36,
        ["ES03"] = 0.20,
        ["ES04"] = 0.36,
    };

    public const string BestShelter = "ES01";
    public const string WorstShelter = "ES03";

    /// <summary>Rapid rehousing: the chance of leaving for permanent housing (before the racial disparity).</summary>
    public const double RapidRehousingExitToPermanent = 0.75;

    /// <summary>Racial disparity: Black-headed households' chance of exit to permanent housing is multiplied by this, in every project but supportive housing (whose exits are all to permanent housing).</summary>
    public const double BlackExitToPermanentFactor = 0.65;

    /// <summary>Seasonality: homelessness entries by calendar month (January first), relative weight.</summary>
    public static IReadOnlyList<double> EntrySeasonality { get; } = [1.4, 1.35, 1.1, 0.95, 0.85, 0.8, 0.8, 0.85, 0.9, 1.0, 1.2, 1.4];
}

/// <summary>A contracted job-training provider and its planted performance.</summary>
internal sealed record TrainingProvider(string Id, string Name, double Enrolment, double FirstDay, double Completion, decimal CostPerEnrollee);
