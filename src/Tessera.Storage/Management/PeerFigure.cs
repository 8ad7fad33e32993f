namespace Tessera.Storage.Management;

/// <summary>A peer as a provider sees it: under a label, its figure, its size as a band, its place on the funnel plot.</summary>
/// <param name="Label">The label naming nobody, e.g. "Peer K7Q2M".</param>
/// <param name="Value">Its figure over the year.</param>
/// <param name="Size">Its cases as a band ("100–249").</param>
/// <param name="Position">Where it lies on the program's funnel plot, in words.</param>
public sealed record PeerFigure(string Label, double? Value, string Size, string? Position);
