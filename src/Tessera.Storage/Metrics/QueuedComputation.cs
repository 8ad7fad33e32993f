namespace Tessera.Storage.Metrics;

/// <summary>A metric waiting to be computed again, or computed, because a delivery it reads arrived.</summary>
/// <param name="Id">The entry's number.</param>
/// <param name="Metric">The metric's id.</param>
/// <param name="Reason">The deliveries that queued it (source#id, …).</param>
/// <param name="QueuedUtc">When it was queued.</param>
/// <param name="StartedUtc">When its computation started.</param>
/// <param name="FinishedUtc">When it finished.</param>
/// <param name="Status">queued, running, done or failed.</param>
/// <param name="Run">The run that computed it.</param>
/// <param name="Error">Why it failed.</param>
public sealed record QueuedComputation(long Id, string Metric, string Reason, DateTime QueuedUtc, DateTime? StartedUtc, DateTime? FinishedUtc, string Status, long? Run, string? Error);
