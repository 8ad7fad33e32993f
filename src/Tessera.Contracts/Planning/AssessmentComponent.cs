namespace Tessera.Contracts.Planning;

/// <summary>
/// The five components of outcomes-oriented government and contracts that the rapid assessment
/// scores an agency on (Third Sector's six-week workshop series).
/// </summary>
public enum AssessmentComponent
{
    /// <summary>Goals: what the agency and its contracts are meant to change in people's lives.</summary>
    Goals,

    /// <summary>Metrics: the outcome measures that say whether the goals are met.</summary>
    Metrics,

    /// <summary>Data sharing and evaluation: the data to measure them and the evidence of what works.</summary>
    DataSharingAndEvaluation,

    /// <summary>Continuous improvement processes: using the measures with providers month by month.</summary>
    ContinuousImprovement,

    /// <summary>Incentive structures: how payment and renewal reward results.</summary>
    IncentiveStructures,
}
