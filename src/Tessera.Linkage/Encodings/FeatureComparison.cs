namespace Tessera.Linkage.Encodings;

/// <summary>
/// How a feature's value is cut into tokens, as the clkhash linkage schema's <c>comparison</c>
/// says: n-grams (optionally positional, "1 ab"), the whole value (exact), or a number's
/// neighbourhood (numeric: 2 × resolution + 1 tokens, close numbers sharing some).
/// </summary>
/// <param name="Type"><c>ngram</c>, <c>exact</c> or <c>numeric</c>.</param>
/// <param name="N">The n of n-grams.</param>
/// <param name="Positional">True when each n-gram carries its position.</param>
/// <param name="ThresholdDistance">Numeric: the largest distance whose neighbourhoods overlap.</param>
/// <param name="Resolution">Numeric: tokens on each side of the value.</param>
/// <param name="FractionalPrecision">Numeric: digits after the point that count.</param>
public sealed record FeatureComparison(string Type, int N = 0, bool Positional = false, decimal ThresholdDistance = 0, int Resolution = 0, int FractionalPrecision = 0);
