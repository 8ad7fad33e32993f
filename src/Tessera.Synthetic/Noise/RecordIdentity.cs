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
    bool BirthDateError);

/// <summary>What the SSN field of a record holds.</summary>
internal enum SsnState
{
    Valid,
    Missing,
    Placeholder,
    Typo,
}
