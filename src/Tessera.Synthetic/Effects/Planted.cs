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
    ];

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

    /// <summary>Racial disparity: Black-headed households' chance of exit to permanent housing is multiplied by this.</summary>
    public const double BlackExitToPermanentFactor = 0.65;

    /// <summary>Seasonality: homelessness entries by calendar month (January first), relative weight.</summary>
    public static IReadOnlyList<double> EntrySeasonality { get; } = [1.4, 1.35, 1.1, 0.95, 0.85, 0.8, 0.8, 0.85, 0.9, 1.0, 1.2, 1.4];
}

/// <summary>A contracted job-training provider and its planted performance.</summary>
internal sealed record TrainingProvider(string Id, string Name, double Enrolment, double FirstDay, double Completion, decimal CostPerEnrollee);
