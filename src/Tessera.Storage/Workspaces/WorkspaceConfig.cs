using System.Text.Json.Serialization;

namespace Tessera.Storage.Workspaces;

/// <summary>The workspace's own settings, kept in <c>tessera-workspace.json</c> at its root.</summary>
public sealed class WorkspaceConfig
{
    /// <summary>Layout version of the workspace folder.</summary>
    [JsonPropertyName("format")]
    public int Format { get; set; } = 1;

    /// <summary>
    /// The workspace's own id, random at creation (added on first opening to a workspace made
    /// before ids existed). Web sessions carry it, so a session of one workspace opens no other.
    /// </summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>"embedded" (SQLite + DuckDB files in the folder) or "postgresql".</summary>
    [JsonPropertyName("database")]
    public string Database { get; set; } = "embedded";

    /// <summary>PostgreSQL connection string in server mode.</summary>
    [JsonPropertyName("connection")]
    public string? Connection { get; set; }

    /// <summary>Path of the master key file, beside the workspace.</summary>
    [JsonPropertyName("master_key_file")]
    public string MasterKeyFile { get; set; } = "";

    /// <summary>Fingerprint of the master key, to catch a wrong key file early.</summary>
    [JsonPropertyName("master_key_fingerprint")]
    public string MasterKeyFingerprint { get; set; } = "";

    /// <summary>
    /// The new master key file while <c>tessera keys rotate</c> runs: data keys wrapped by either
    /// key open, so a rotation interrupted at any point leaves a workspace that still opens.
    /// </summary>
    [JsonPropertyName("pending_master_key_file")]
    public string? PendingMasterKeyFile { get; set; }

    /// <summary>Fingerprint of <see cref="PendingMasterKeyFile"/>.</summary>
    [JsonPropertyName("pending_master_key_fingerprint")]
    public string? PendingMasterKeyFingerprint { get; set; }

    /// <summary>The workspace operator (IDS administrator) recorded at init; CLI commands run as this identity.</summary>
    [JsonPropertyName("operator")]
    public string Operator { get; set; } = "";

    /// <summary>
    /// The earliest month a delivery may cover, YYYY-MM (null: 2000-01). The latest is always next
    /// month, so a mistyped period cannot become a source's "latest" delivery for ever.
    /// </summary>
    [JsonPropertyName("earliest_period")]
    public string? EarliestPeriod { get; set; }

    /// <summary>
    /// The vault's schema version as last seen by this folder's Tessera (the vault's own history is
    /// authoritative). Kept here so opening a workspace does not open the vault — which waits while
    /// an ingest holds it — unless an upgrade is due.
    /// </summary>
    [JsonPropertyName("vault_schema")]
    public int VaultSchema { get; set; }

    /// <summary>When the workspace was created (UTC).</summary>
    [JsonPropertyName("created_utc")]
    public DateTime CreatedUtc { get; set; }
}
