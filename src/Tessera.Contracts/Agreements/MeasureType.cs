namespace Tessera.Contracts.Agreements;

/// <summary>
/// What a contract metric measures. The seeds' warning: input measures (staff hired, hours
/// delivered) rarely help anyone improve; activity measures (referrals enrolled, first-day
/// attendance) are the levers; outcome measures (completed, housed, employed) are the point.
/// </summary>
public enum MeasureType
{
    /// <summary>"input": resources put in.</summary>
    Input,

    /// <summary>"activity": what the provider does with them, measured often.</summary>
    Activity,

    /// <summary>"outcome": what changed for the people served.</summary>
    Outcome,
}
