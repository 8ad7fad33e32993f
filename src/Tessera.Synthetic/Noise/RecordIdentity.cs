namespace Tessera.Synthetic.Noise;

/// <summary>A person as one agency recorded them on one day, errors included.</summary>
internal sealed record RecordIdentity(
    string Given,
    string Middle,
    string Family,
    string Suffix,
    DateOnly? BirthDate,
    string Ssn,
    SsnState SsnState,
    bool NameError,
    bool BirthDateError)
{
    /// <summary>The SSN as agencies that print dashes write it ("123-45-6789"); empty stays empty.</summary>
    public string DashedSsn => Ssn.Length == 9 ? $"{Ssn[..3]}-{Ssn[3..5]}-{Ssn[5..]}" : Ssn;
}

/// <summary>What the SSN field of a record holds.</summary>
internal enum SsnState
{
    Valid,
    Missing,
    Placeholder,
    Typo,
}
