namespace Tessera.Storage.Management;

/// <summary>The smaller providers of a program, shown only together.</summary>
/// <param name="Providers">How many.</param>
/// <param name="Value">Their figure together.</param>
/// <param name="Size">Their cases together, as a band.</param>
public sealed record PeerGroupFigure(int Providers, double? Value, string Size);
