namespace Tessera.Governance.Access;

/// <summary>What a user is to the IDS; with their <see cref="AccessUser.Scope"/> it decides what they may see.</summary>
public enum Role
{
    /// <summary>Not signed in: reference pages only.</summary>
    Public,

    /// <summary>Runs the IDS: every page and every row, keys and the audit log.</summary>
    Administrator,

    /// <summary>Staff of an agency that delivers data: that agency's sources, their deliveries and quarantine.</summary>
    DataPartner,

    /// <summary>Manages provider contracts for an agency (scoped to its contracts).</summary>
    ContractManager,

    /// <summary>Works on approved projects (a placeholder scope until data use licences exist).</summary>
    Analyst,

    /// <summary>Staff of a contracted provider (scoped to that provider).</summary>
    ProviderStaff,

    /// <summary>A frontline caseworker.</summary>
    Caseworker,

    /// <summary>An agency's finance officer: sees its contracts' payment statements and approves those someone else prepared (scoped to the agency).</summary>
    Finance,
}
