namespace Tessera.Linkage.Training;

/// <summary>What one EM session found: m per comparison level, the share of matches among its pairs, and how many iterations it took.</summary>
internal sealed record EmResult(double[][] M, double MatchShare, int Iterations);
