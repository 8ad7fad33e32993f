namespace Tessera.Linkage.Training;

/// <summary>
/// u per comparison level (among pairs where both records have the value), and the share of all
/// pairs where both records have it, which turns a u into a count of pairs.
/// </summary>
internal sealed record UEstimate(double[][] U, double[] Present);
