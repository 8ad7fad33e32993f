namespace Tessera.Governance.Agreements;

/// <summary>Where an agreement stands on a day.</summary>
public enum AgreementStatus
{
    /// <summary>Written, but not every party that must approve it has.</summary>
    Draft,

    /// <summary>Approved by everyone who must, but its first day has not come.</summary>
    Approved,

    /// <summary>Approved and in force: data may flow under it.</summary>
    Active,

    /// <summary>Past its last day.</summary>
    Expired,

    /// <summary>Ended early by a party; nothing flows under it again.</summary>
    Revoked,
}
