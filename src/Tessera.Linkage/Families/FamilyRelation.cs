namespace Tessera.Linkage.Families;

/// <summary>How two persons of a family are related.</summary>
public enum FamilyRelation
{
    /// <summary>The first is a parent of the second.</summary>
    Parent,

    /// <summary>Spouses or partners.</summary>
    Partner,

    /// <summary>Children of the same parent or household.</summary>
    Sibling,
}
