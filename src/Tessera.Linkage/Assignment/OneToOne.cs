namespace Tessera.Linkage.Assignment;

/// <summary>
/// Whether a person may hold more than one record of a source. Data partners in privacy-preserving
/// linkage usually send one record per person (each has de-duplicated its own extract), and then
/// the constraint is worth a great deal: of two candidates for one record, at most one is right,
/// so the weaker is dropped instead of chaining three records into one person.
/// </summary>
public enum OneToOne
{
    /// <summary>No constraint (the default): records of one source can be one person, as when a source holds duplicates.</summary>
    Off,

    /// <summary>Links are taken strongest first, and a link is skipped when its person would hold two records of one source. Works for any number of sources.</summary>
    Greedy,

    /// <summary>
    /// Two sources only: the pairs chosen are those with the largest sum of match probabilities —
    /// the most expected true links — with each record in at most one pair (a maximum-weight
    /// bipartite matching).
    /// </summary>
    Optimal,
}
