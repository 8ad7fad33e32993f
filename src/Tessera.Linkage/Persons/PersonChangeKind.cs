namespace Tessera.Linkage.Persons;

/// <summary>What happened to an existing person id in a linkage run.</summary>
public enum PersonChangeKind
{
    /// <summary>Its records joined another person, whose id was kept.</summary>
    Merged,

    /// <summary>Some of its records now belong to another person; the id stays with the rest.</summary>
    Split,

    /// <summary>None of its records remain (they were withdrawn); the id is never issued again.</summary>
    Retired,
}
