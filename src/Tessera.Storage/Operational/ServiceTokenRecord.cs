namespace Tessera.Storage.Operational;

/// <summary>
/// A service account's API token, for an agency that automates its deliveries. Only the token's
/// SHA-256 is stored: the token itself is shown once, when it is created.
/// </summary>
public sealed class ServiceTokenRecord
{
    /// <summary>The service account's name, e.g. "hmis-nightly".</summary>
    public string Name { get; set; } = "";

    /// <summary>Hex SHA-256 of the token.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>The sources it may deliver to, comma-separated.</summary>
    public string Sources { get; set; } = "";

    /// <summary>When created (UTC).</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary>When revoked (UTC); a revoked token is refused.</summary>
    public DateTime? RevokedUtc { get; set; }
}
