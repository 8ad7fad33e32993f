using System.Text.Json.Serialization;

namespace Tessera.Intake.Delivering;

/// <summary>
/// What became of a delivery, summed over its files. Serialised as the CLI's <c>--json</c>
/// output, whose field names are a stable contract.
/// </summary>
public sealed record DeliveryOutcome
{
    /// <summary>"accepted", "duplicate" or "rejected".</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>Delivery number (for a duplicate: the delivery it duplicates).</summary>
    [JsonPropertyName("delivery_id")]
    public long? DeliveryId { get; init; }

    /// <summary>Source.</summary>
    [JsonPropertyName("source")]
    public required string Source { get; init; }

    /// <summary>Rows read.</summary>
    [JsonPropertyName("rows_read")]
    public long RowsRead { get; init; }

    /// <summary>Rows stored.</summary>
    [JsonPropertyName("rows_accepted")]
    public long RowsAccepted { get; init; }

    /// <summary>Rows quarantined.</summary>
    [JsonPropertyName("rows_quarantined")]
    public long RowsQuarantined { get; init; }

    /// <summary>Why the delivery was rejected, naming file, row and column where known.</summary>
    [JsonPropertyName("rejection_reason")]
    public string? RejectionReason { get; init; }

    /// <summary>Period covered.</summary>
    [JsonIgnore]
    public string? Period { get; init; }

    /// <summary>Deliveries this one superseded.</summary>
    [JsonIgnore]
    public IReadOnlyList<long> Superseded { get; init; } = [];

    /// <summary>True when accepted or recognised as a duplicate.</summary>
    [JsonIgnore]
    public bool Succeeded => Status is Accepted or Duplicate;

    /// <summary>Status of an accepted delivery.</summary>
    public const string Accepted = "accepted";

    /// <summary>Status of a delivery identical to one already accepted.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Status of a rejected delivery.</summary>
    public const string Rejected = "rejected";
}
