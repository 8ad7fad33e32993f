using Tessera.Contracts.Agreements;
using Tessera.Contracts.Monitoring;

namespace Tessera.Contracts.Management;

/// <summary>One contract metric as an agenda shows it: its latest period against target, and its open alerts.</summary>
/// <param name="Contract">The contract's id.</param>
/// <param name="Provider">The provider's id.</param>
/// <param name="Metric">The metric's id.</param>
/// <param name="Title">The metric's title.</param>
/// <param name="PeriodStart">First day of the latest period with a figure (or of the latest period).</param>
/// <param name="PeriodEnd">Its last day.</param>
/// <param name="Value">The figure, if any.</param>
/// <param name="Target">The target in force.</param>
/// <param name="Band">Where the figure stands against the target.</param>
/// <param name="Alerts">The metric's open alerts, latest first.</param>
public sealed record AgendaMeasure(
    string Contract, string Provider, string Metric, string Title, DateOnly PeriodStart, DateOnly PeriodEnd, double? Value, decimal Target, TargetBand Band, IReadOnlyList<Alert> Alerts)
{
    /// <summary>Agenda order: with open alerts first, then off track, watch, on track, no data.</summary>
    public int Priority => Alerts.Count > 0 ? 0 : Band switch
    {
        TargetBand.OffTrack => 1,
        TargetBand.Watch => 2,
        TargetBand.OnTrack => 3,
        _ => 4,
    };
}
