namespace Tessera.Linkage.Comparisons;

/// <summary>
/// One level of a comparison, e.g. "nickname" of the given-name comparison. A level marked
/// <see cref="TermFrequencyAdjusted"/> weighs agreement by how rare the shared value is: two
/// records agreeing on "Zbigniew" say more than two agreeing on "James".
/// </summary>
public sealed record ComparisonLevel(string Label, bool TermFrequencyAdjusted = false);
