namespace Tessera.Linkage.Standardisation;

/// <summary>
/// One standardised name: <see cref="Full"/> with spaces, hyphens and particles' gaps removed
/// ("De La Cruz" → "delacruz"), its first word, and the words that carry the name
/// (<see cref="Parts"/>: "Garcia-Lopez" → garcia, lopez; particles such as "de", "van" left out).
/// </summary>
internal sealed record PersonName(string Full, string First, string[] Parts);
