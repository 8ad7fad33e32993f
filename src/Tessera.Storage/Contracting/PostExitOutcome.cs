namespace Tessera.Storage.Contracting;

/// <summary>One post-exit measure of a provider's clients, by exit cohort.</summary>
/// <param name="Metric">The metric's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Description">What it counts, in words.</param>
/// <param name="Unit">What one counted row is ("exit").</param>
/// <param name="HigherIsBetter">Whether a higher figure is better.</param>
/// <param name="IsRate">Whether the figures are rates (shown as percentages).</param>
/// <param name="Cohorts">One figure per exit period, oldest first.</param>
/// <param name="AsOf">The last day of data the figures read.</param>
/// <param name="ComputedUtc">When they were computed.</param>
public sealed record PostExitOutcome(
    string Metric, string Title, string Description, string Unit, bool HigherIsBetter, bool IsRate, IReadOnlyList<PostExitCohort> Cohorts, DateOnly AsOf, DateTime ComputedUtc);
