namespace Tessera.Intake.Delivering;

/// <summary>A delivery as the ledger records it.</summary>
public sealed record DeliveryLedgerEntry
{
    /// <summary>Delivery number, unique in the workspace and never reused.</summary>
    public required long Id { get; init; }

    /// <summary>Source.</summary>
    public required string Source { get; init; }

    /// <summary>The provider that sent it, for a source providers deliver themselves; null for an agency's delivery.</summary>
    public string? Provider { get; init; }

    /// <summary>First day of the period covered.</summary>
    public required DateOnly PeriodStart { get; init; }

    /// <summary>Last day of the period covered.</summary>
    public required DateOnly PeriodEnd { get; init; }

    /// <summary>Period as shown, e.g. "2024-06".</summary>
    public required string PeriodLabel { get; init; }

    /// <summary>SHA-256 over the names and hashes of the delivery's files; equal content gives an equal hash.</summary>
    public required string ContentHash { get; init; }

    /// <summary>"current", "superseded" or "rejected".</summary>
    public required string Status { get; init; }

    /// <summary>Why rejected or superseded.</summary>
    public string? StatusReason { get; init; }

    /// <summary>Dictionary name and version, e.g. "hmis-fy2024 v1".</summary>
    public required string Dictionary { get; init; }

    /// <summary>True when the delivery replaces everything before it (an HMIS full refresh).</summary>
    public bool FullRefresh { get; init; }

    /// <summary>When received (UTC).</summary>
    public required DateTime ReceivedUtc { get; init; }

    /// <summary>Rows read.</summary>
    public long RowsRead { get; init; }

    /// <summary>Rows stored.</summary>
    public long RowsAccepted { get; init; }

    /// <summary>Rows quarantined.</summary>
    public long RowsQuarantined { get; init; }

    /// <summary>The quality profile as JSON.</summary>
    public string? QualityJson { get; init; }

    /// <summary>Names of the delivered files, comma-separated.</summary>
    public string Files { get; init; } = "";
}
