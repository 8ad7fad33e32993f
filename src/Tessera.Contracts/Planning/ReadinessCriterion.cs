namespace Tessera.Contracts.Planning;

/// <summary>
/// What makes a contract or procurement ripe for outcomes-oriented contracting: the criteria the
/// workshop's prioritisation exercise scores each candidate on, 1 (not at all) to 5 (very).
/// </summary>
public enum ReadinessCriterion
{
    /// <summary>Size and impact: money and people at stake.</summary>
    SizeAndImpact,

    /// <summary>Data availability: the outcome data are already in the IDS.</summary>
    DataAvailability,

    /// <summary>Performance risk: results today are poor or unknown, so there is most to gain.</summary>
    PerformanceRisk,

    /// <summary>Timing: a renewal or RFP soon enough to act on, late enough to prepare for.</summary>
    Timing,

    /// <summary>Leadership interest: someone senior wants it.</summary>
    LeadershipInterest,
}
