namespace Tessera.Linkage.Families;

/// <summary>
/// A typed link between two persons (positions in the caller's person list). For
/// <see cref="FamilyRelation.Parent"/>, <paramref name="From"/> is the parent of
/// <paramref name="To"/>; partner and sibling links are stored once with From &lt; To.
/// <paramref name="Evidence"/> counts the households and stated relations that support it.
/// </summary>
public readonly record struct FamilyEdge(int From, int To, FamilyRelation Relation, int Evidence);
