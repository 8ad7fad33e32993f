namespace Tessera.Storage.Contracting;

/// <summary>
/// One metric of a contract in one period, as <c>tessera contracts performance</c> writes it: the
/// provider's figure, the target in force and the band it falls in, and the three benchmarks.
/// </summary>
/// <param name="Contract">The contract's id.</param>
/// <param name="Provider">The provider's id.</param>
/// <param name="Metric">The metric's id.</param>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="PeriodEnd">Last day of the period.</param>
/// <param name="Numerator">The figure's numerator (as <c>metrics show</c>), if any.</param>
/// <param name="Denominator">Its denominator, if any.</param>
/// <param name="Value">The figure; null when the provider had none that period.</param>
/// <param name="Target">The target in force.</param>
/// <param name="Band">on_track, watch, off_track or no_data.</param>
/// <param name="Historical">The provider's own value over the year before the period.</param>
/// <param name="PeerMedian">Median of the program's providers that period.</param>
/// <param name="PeerQ1">Their first quartile.</param>
/// <param name="PeerQ3">Their third quartile.</param>
/// <param name="BestPractice">The best-practice benchmark entered with the contract.</param>
public sealed record PerformanceRow(
    string Contract, string Provider, string Metric, DateOnly PeriodStart, DateOnly PeriodEnd, long? Numerator, long? Denominator, double? Value,
    decimal Target, string Band, double? Historical, double? PeerMedian, double? PeerQ1, double? PeerQ3, decimal? BestPractice)
{
    /// <summary>The CSV header, exactly as agencies' scripts read it.</summary>
    public static IReadOnlyList<string> Header { get; } =
        ["contract", "provider", "metric", "period_start", "period_end", "numerator", "denominator", "value", "target", "band", "historical", "peer_median", "peer_q1", "peer_q3", "best_practice"];

    /// <summary>The row's cells in <see cref="Header"/>'s order.</summary>
    public IReadOnlyList<object?> Cells => [Contract, Provider, Metric, PeriodStart, PeriodEnd, Numerator, Denominator, Value, Target, Band, Historical, PeerMedian, PeerQ1, PeerQ3, BestPractice];
}
