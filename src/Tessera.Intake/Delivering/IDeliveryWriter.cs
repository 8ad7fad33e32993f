namespace Tessera.Intake.Delivering;

/// <summary>One delivery being written inside one transaction; disposing without <see cref="Commit"/> rolls everything back.</summary>
public interface IDeliveryWriter : IDisposable
{
    /// <summary>The delivery's number.</summary>
    long DeliveryId { get; }

    /// <summary>
    /// How many sinks of one table may append at the same time, each from its own thread: 1 where
    /// the engine appends inside the one delivery transaction (PostgreSQL's COPY), more where rows
    /// are staged invisibly and published by <see cref="Commit"/> (DuckDB, whose appender is the
    /// slowest step and runs on one core per connection).
    /// </summary>
    int AppendThreads { get; }

    /// <summary>A sink for the rows of <paramref name="table"/>; call it <see cref="AppendThreads"/> times for concurrent appending.</summary>
    IRowSink Rows(TableLayout table);

    /// <summary>Records quarantined rows.</summary>
    void Quarantine(IReadOnlyList<QuarantineEntry> entries);

    /// <summary>Runs a query returning (row, text) pairs, e.g. rows with duplicate keys.</summary>
    IReadOnlyList<(long Row, string Value)> Query(string sql);

    /// <summary>Runs a query returning one number.</summary>
    long Count(string sql);

    /// <summary>Runs a statement, e.g. removing rows moved to quarantine.</summary>
    void Execute(string sql);

    /// <summary>Writes the ledger entry, marks <paramref name="superseded"/> deliveries as replaced, and commits.</summary>
    void Commit(DeliveryLedgerEntry entry, IReadOnlyList<long> superseded);
}
