namespace Tessera.Storage.Planning;

/// <summary>
/// Who is served by whom: every combination of agencies with at least one person, each source's
/// totals, and the families whose members are in several systems. Counts of 1 to 10, and those
/// that would reveal one, are hidden (null) unless the caller sees exact figures.
/// </summary>
/// <param name="From">First day of the window, if any.</param>
/// <param name="To">Last day of the window, if any.</param>
/// <param name="LinkRun">The link run the persons and families come from.</param>
/// <param name="Rows">The combinations, most persons first.</param>
/// <param name="SourceTotals">Each source's persons and families: exact, or for those who see suppressed figures the sum of the combinations shown.</param>
/// <param name="Persons">Persons touched by any source (null when withheld: it would reveal a hidden count).</param>
/// <param name="Families">Families touched by any source (null when withheld).</param>
/// <param name="FamiliesAcrossSystems">Families whose members together are in two or more sources (null when withheld).</param>
/// <param name="Exact">True when small counts are shown.</param>
public sealed record Overlap(
    DateOnly? From, DateOnly? To, long LinkRun, IReadOnlyList<OverlapRow> Rows, IReadOnlyList<OverlapTotal> SourceTotals,
    long? Persons, long? Families, long? FamiliesAcrossSystems, bool Exact);

/// <summary>
/// An agency's persons and families in any combination. Beside suppressed combinations an
/// agency's exact total would give hidden counts away (by subtracting one agency's total from
/// another's), so those who see suppressed figures get the sum of the shown combinations, marked
/// as a lower bound.
/// </summary>
/// <param name="Source">The agency (source).</param>
/// <param name="Persons">Its persons.</param>
/// <param name="Families">Its families.</param>
/// <param name="AtLeast">True when these are the shown combinations' sums: the true totals are at least these.</param>
public sealed record OverlapTotal(string Source, long Persons, long Families, bool AtLeast);
