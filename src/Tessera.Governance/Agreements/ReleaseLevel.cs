namespace Tessera.Governance.Agreements;

/// <summary>
/// How much a release under a data use licence may carry, in HIPAA's terms — the exact meanings
/// the learning community asked for.
/// </summary>
public enum ReleaseLevel
{
    /// <summary>A de-identified data set (Safe Harbor): the 18 identifier kinds removed or generalised — dates to the year, ZIP codes to three digits, ages over 89 grouped.</summary>
    Deidentified,

    /// <summary>A limited data set: the 16 direct identifiers removed; dates, city, state and five-digit ZIP codes may stay.</summary>
    Limited,
}
