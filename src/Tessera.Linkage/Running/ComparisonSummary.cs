namespace Tessera.Linkage.Running;

/// <summary>One comparison of the trained model with the m and u probability and weight of each level, for the m/u chart.</summary>
public sealed record ComparisonSummary(string Name, IReadOnlyList<LevelSummary> Levels);
