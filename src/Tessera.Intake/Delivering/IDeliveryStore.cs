namespace Tessera.Intake.Delivering;

/// <summary>
/// Where deliveries are kept: the DuckDB vault of an embedded workspace, or PostgreSQL. A
/// delivery's rows, quarantine and ledger entry are written in one transaction, so a delivery
/// is visible whole or not at all, even if the process is killed.
/// </summary>
public interface IDeliveryStore
{
    /// <summary>Creates or widens the tables and current-row views of <paramref name="source"/>.</summary>
    void EnsureTables(string source, IReadOnlyList<TableLayout> tables, bool dropsDeletedRows);

    /// <summary>An accepted (current or superseded) delivery of <paramref name="source"/> (by <paramref name="provider"/>, for a source providers deliver) with this content, if any.</summary>
    DeliveryLedgerEntry? FindAccepted(string source, string contentHash, string? provider = null);

    /// <summary>The most recent current delivery of <paramref name="source"/> (by <paramref name="provider"/>, for a source providers deliver), for drift.</summary>
    DeliveryLedgerEntry? LatestCurrent(string source, string? provider = null);

    /// <summary>Current deliveries of <paramref name="source"/> (by <paramref name="provider"/>, for a source providers deliver) that a new delivery for the given period supersedes.</summary>
    IReadOnlyList<long> Superseded(string source, DateOnly periodStart, DateOnly periodEnd, bool fullRefresh, string? provider = null);

    /// <summary>Starts writing a delivery; the id is reserved even if the delivery is later rejected.</summary>
    IDeliveryWriter Begin(string source);

    /// <summary>Records a rejected delivery (ledger entry and the problems found; no rows).</summary>
    void RecordRejection(DeliveryLedgerEntry entry, IReadOnlyList<QuarantineEntry> problems);
}
