namespace Tessera.Linkage.Comparisons;

/// <summary>
/// One level of a comparison, e.g. "nickname" of the given-name comparison. A level marked
/// <see cref="TermFrequencyAdjusted"/> weighs agreement by how rare the shared value is: two
/// records agreeing on "Zbigniew" say more than two agreeing on "James". A level marked
/// <see cref="Household"/> is agreement that members of one household share (street address,
/// phone): among such levels only the strongest counts, so a twin or a parent is not taken for
/// the same person because the household's address and phone each add a weight.
/// </summary>
public sealed record ComparisonLevel(string Label, bool TermFrequencyAdjusted = false, bool Household = false);
