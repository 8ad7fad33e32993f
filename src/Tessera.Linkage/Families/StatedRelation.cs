namespace Tessera.Linkage.Families;

/// <summary>A relation a source states between two of its records, e.g. a child-care authorisation's parent and child; <c>parent</c> reads "From is a parent of To".</summary>
public readonly record struct StatedRelation(int From, int To, string Relation);
