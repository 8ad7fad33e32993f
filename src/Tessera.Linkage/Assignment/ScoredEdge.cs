namespace Tessera.Linkage.Assignment;

/// <summary>A candidate link between record <paramref name="Left"/> of one party and record <paramref name="Right"/> of the other, with its score (a similarity or a match probability; higher is better, and positive).</summary>
public readonly record struct ScoredEdge(int Left, int Right, double Score);
