namespace Tessera.Intake.Quality;

/// <summary>
/// The data-quality profile of one delivery: completeness, validity, uniqueness, consistency,
/// timeliness and drift against the source's previous delivery. Holds counts and code
/// frequencies only — never a value of an identifying field — so it may be shown to anyone who
/// may see the delivery's status.
/// </summary>
public sealed class QualityReport
{
    /// <summary>Delivery profiled.</summary>
    public long DeliveryId { get; set; }

    /// <summary>Source delivered.</summary>
    public string Source { get; set; } = "";

    /// <summary>Period the delivery covers, e.g. "2024-06" or "2020-10-01 to 2021-09-30".</summary>
    public string Period { get; set; } = "";

    /// <summary>Dictionary used, e.g. "benefits v1" or "hmis-fy2022 v1".</summary>
    public string Dictionary { get; set; } = "";

    /// <summary>When the delivery was received (UTC).</summary>
    public DateTime ReceivedUtc { get; set; }

    /// <summary>Rows read across all files.</summary>
    public long RowsRead { get; set; }

    /// <summary>Rows stored.</summary>
    public long RowsAccepted { get; set; }

    /// <summary>Rows quarantined.</summary>
    public long RowsQuarantined { get; set; }

    /// <summary>Notes about the delivery as a whole (e.g. "HMIS export declares 2024 v1.4 but has FY2026 columns").</summary>
    public List<string> Notes { get; set; } = [];

    /// <summary>Per-file profiles, in dictionary order.</summary>
    public List<FileProfile> Files { get; set; } = [];

    /// <summary>Differences from the previous delivery of the source that exceed the drift thresholds.</summary>
    public List<DriftFinding> Drift { get; set; } = [];

    /// <summary>The previous delivery compared against, if any.</summary>
    public long? ComparedWithDeliveryId { get; set; }
}
