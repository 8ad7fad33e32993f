namespace Tessera.Linkage.Clustering;

/// <summary>A compared pair of records (by position) with its match weight and probability, and how many comparisons had values on both sides.</summary>
internal readonly record struct ScoredLink(int Left, int Right, double Weight, double Probability, byte Fields);
