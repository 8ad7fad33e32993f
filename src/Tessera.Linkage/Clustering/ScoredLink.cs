namespace Tessera.Linkage.Clustering;

/// <summary>A compared pair of records (by position) with its match weight and probability.</summary>
internal readonly record struct ScoredLink(int Left, int Right, double Weight, double Probability);
