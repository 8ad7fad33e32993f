namespace Tessera.Linkage.Running;

/// <summary>A comparison level's trained m and u probability and its match weight log2(m/u).</summary>
public sealed record LevelSummary(string Label, double M, double U, double Weight, bool TermFrequencyAdjusted);
