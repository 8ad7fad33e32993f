namespace Tessera.Linkage.Running;

/// <summary>
/// A pair of records (by position, Left &lt; Right) that blocking put together, with its comparison
/// vector and the blocking rules (one bit each) that put it together.
/// </summary>
internal readonly record struct CandidatePair(int Left, int Right, ulong Vector, uint Rules);
