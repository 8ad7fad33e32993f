namespace Tessera.Storage.Planning;

/// <summary>What the service overlap is broken down by.</summary>
public enum OverlapBreakdown
{
    /// <summary>
    /// The ZIP code most of a person's records give (first five digits; ties to the lowest), from
    /// every file that keeps one in plain text — a benefit case's address counts for its members. A
    /// family is placed where most of its members are.
    /// </summary>
    Zip,

    /// <summary>The sex most of a person's records give: female, male, or another or not recorded.</summary>
    Sex,

    /// <summary>
    /// Two generations, from the family links: a parent or caregiver of someone in the data, a
    /// child of someone in the data (and no one's parent), or neither.
    /// </summary>
    Generation,
}
