namespace Tessera.Linkage.Running;

/// <summary>Two compared records (positions in the run's input) with their match weight and probability.</summary>
public readonly record struct LinkedPair(int Left, int Right, double MatchWeight, double MatchProbability);
