namespace Tessera.Storage.Management;

/// <summary>A contract's metrics at a glance: this period against the last, this year against the last, the target, the rank among the program's providers, open alerts, and how fresh the figures are.</summary>
/// <param name="Contract">The contract's id.</param>
/// <param name="Provider">The provider's id.</param>
/// <param name="Program">The program.</param>
/// <param name="Metrics">One row per metric.</param>
/// <param name="Rows">The contract's performance, metric by metric and period by period (the trend charts'), as <c>contracts performance</c> gives it.</param>
public sealed record ContractDashboard(string Contract, string Provider, string Program, IReadOnlyList<ContractMetricStanding> Metrics, IReadOnlyList<Contracting.PerformanceRow> Rows);

/// <summary>One metric of a contract dashboard.</summary>
/// <param name="Metric">The metric's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Period">The latest period with a figure (its first day), if any.</param>
/// <param name="Value">Its figure.</param>
/// <param name="PreviousValue">The period before's figure.</param>
/// <param name="YearValue">The provider's figure over the dashboard's year.</param>
/// <param name="PreviousYearValue">Over the year before.</param>
/// <param name="Target">The target in force in the latest period.</param>
/// <param name="Band">on_track, watch, off_track or no_data for the latest period.</param>
/// <param name="Rank">The provider's rank among the program's shown providers over the year.</param>
/// <param name="Ranked">How many providers were ranked.</param>
/// <param name="Position">Where it lies on the program's funnel plot, in words.</param>
/// <param name="OpenAlerts">Its open (or acknowledged) alerts.</param>
/// <param name="AsOf">The last day of data the figures read.</param>
/// <param name="ComputedUtc">When they were computed.</param>
public sealed record ContractMetricStanding(
    string Metric, string Title, DateOnly? Period, double? Value, double? PreviousValue, double? YearValue, double? PreviousYearValue, decimal Target, string Band,
    int? Rank, int Ranked, string? Position, int OpenAlerts, DateOnly? AsOf, DateTime? ComputedUtc);
