namespace Tessera.Contracts.Monitoring;

/// <summary>
/// The Western Electric run rules (Nelson 1, 5, 6 and 2) that tell a real change from noise on a
/// control chart; written in lower case with underscores in alerts (<c>beyond_3_sigma</c>).
/// </summary>
public enum RunRule
{
    /// <summary>One point beyond the 3-sigma limit.</summary>
    Beyond3Sigma,

    /// <summary>Two of three consecutive points beyond 2 sigma on the same side.</summary>
    TwoOfThreeBeyond2Sigma,

    /// <summary>Four of five consecutive points beyond 1 sigma on the same side.</summary>
    FourOfFiveBeyond1Sigma,

    /// <summary>Eight consecutive points on the same side of the centre line.</summary>
    EightOnOneSide,
}
