namespace Tessera.Storage.Management;

/// <summary>A provider against its peers over a year (<see cref="PeerComparison"/>).</summary>
/// <param name="Provider">The provider looking.</param>
/// <param name="Program">Its program.</param>
/// <param name="Metric">The metric's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="HigherIsBetter">Whether a higher figure is better.</param>
/// <param name="IsRate">Whether figures are rates.</param>
/// <param name="From">The year's first day.</param>
/// <param name="To">Its last day.</param>
/// <param name="Value">The provider's own figure over the year, if it had cases.</param>
/// <param name="Numerator">Its numerator.</param>
/// <param name="Denominator">Its cases.</param>
/// <param name="Rank">Its rank among all of the program's providers with cases.</param>
/// <param name="Ranked">How many were ranked.</param>
/// <param name="Position">Where it lies on the program's funnel plot, in words.</param>
/// <param name="Peers">The peers shown one by one, best first.</param>
/// <param name="Group">The smaller providers shown together, if any.</param>
/// <param name="Withheld">True when the peers are too few to show any without revealing one.</param>
/// <param name="AsOf">The last day of data the figures read.</param>
/// <param name="Metrics">The measures of the provider's contracts, to compare on.</param>
public sealed record PeerView(
    string Provider, string Program, string Metric, string Title, bool HigherIsBetter, bool IsRate, DateOnly From, DateOnly To,
    double? Value, long? Numerator, long? Denominator, int? Rank, int Ranked, string? Position,
    IReadOnlyList<PeerFigure> Peers, PeerGroupFigure? Group, bool Withheld, DateOnly? AsOf, IReadOnlyList<string> Metrics);
