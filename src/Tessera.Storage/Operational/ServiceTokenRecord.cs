namespace Tessera.Storage.Operational;

/// <summary>
/// A service account's API token, for an agency that automates its deliveries or a BI tool that
/// reads its contracts and metrics. Only the token's SHA-256 is stored: the token itself is shown
/// once, when it is created.
/// </summary>
public sealed class ServiceTokenRecord
{
    /// <summary>The service account's name, e.g. "hmis-nightly".</summary>
    public string Name { get; set; } = "";

    /// <summary>Hex SHA-256 of the token.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>
    /// What it is limited to, as comma-separated scope claims (<c>source:homelessness</c>,
    /// <c>provider:WF01</c>); a bare name is a source, as written before scopes had kinds.
    /// Stored in the column <c>Sources</c>.
    /// </summary>
    public string Scope { get; set; } = "";

    /// <summary>Its role's name (<c>DataPartner</c>, <c>ContractManager</c>, <c>ProviderStaff</c>); data partner for accounts made before roles.</summary>
    public string Role { get; set; } = "DataPartner";

    /// <summary>When created (UTC).</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary>When revoked (UTC); a revoked token is refused.</summary>
    public DateTime? RevokedUtc { get; set; }
}
