using Tessera.Contracts.Benchmarks;

namespace Tessera.Storage.Management;

/// <summary>A program's providers on one metric over a year: ranking and funnel plot, and each provider's year against the year before.</summary>
/// <param name="Program">The program.</param>
/// <param name="Metric">The metric's id.</param>
/// <param name="Title">The metric's title.</param>
/// <param name="HigherIsBetter">The metric's polarity.</param>
/// <param name="IsRate">True for a rate (the funnel plot applies).</param>
/// <param name="From">First day of the year shown.</param>
/// <param name="To">Last day of the year shown.</param>
/// <param name="Providers">Each provider of the program with figures, best first; hidden ones last.</param>
/// <param name="Funnel">The funnel plot of the shown providers (rates only).</param>
/// <param name="AsOf">The last day of data the metric's latest run read.</param>
/// <param name="ComputedUtc">When that run was computed: how fresh the figures are.</param>
/// <param name="Exact">True when the figures are exact (the viewer may see small cells).</param>
/// <param name="AdjustedFor">What the adjusted rates are adjusted for, in words; empty when the metric has no adjustment (or the run none).</param>
/// <param name="AdjustedFunnel">The funnel plot of the adjusted rates around the program's rate, if adjusted.</param>
public sealed record ProgramDashboard(
    string Program, string Metric, string Title, bool HigherIsBetter, bool IsRate, DateOnly From, DateOnly To, IReadOnlyList<ProviderStanding> Providers,
    FunnelChart? Funnel, DateOnly? AsOf, DateTime? ComputedUtc, bool Exact, IReadOnlyList<string> AdjustedFor, FunnelChart? AdjustedFunnel);

/// <summary>One provider on a program dashboard.</summary>
/// <param name="Provider">The provider's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Numerator">Its numerator over the year (null when hidden or not a rate).</param>
/// <param name="Denominator">Its cases over the year (null when hidden).</param>
/// <param name="Value">Its figure over the year: the pooled rate, or the case-weighted mean of a non-rate metric (null when hidden).</param>
/// <param name="PreviousValue">The same over the year before (null when hidden or none).</param>
/// <param name="Rank">1 for the best of the shown providers; null when hidden.</param>
/// <param name="Position">Where it lies on the funnel plot, in words (rates only).</param>
/// <param name="Hidden">True when small-cell suppression hides its figures from this viewer.</param>
public sealed record ProviderStanding(string Provider, string Name, long? Numerator, long? Denominator, double? Value, double? PreviousValue, int? Rank, string? Position, bool Hidden)
{
    /// <summary>Its rate adjusted for client mix (indirect standardisation), if the metric is adjusted.</summary>
    public double? Adjusted { get; init; }

    /// <summary>Its expected numerator at the program's rates for its mix of cases.</summary>
    public double? Expected { get; init; }

    /// <summary>Its rank on the adjusted rate.</summary>
    public int? AdjustedRank { get; init; }

    /// <summary>Where its adjusted rate lies on the adjusted funnel plot, in words.</summary>
    public string? AdjustedPosition { get; init; }
}
