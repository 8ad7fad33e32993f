namespace Tessera.Storage.Planning;

/// <summary>
/// The service overlap by ZIP code or by group: for each, how many persons one agency serves and
/// how many several do — where multi-system persons and families concentrate.
/// </summary>
/// <param name="By">What the groups are.</param>
/// <param name="From">First day of the window, if any.</param>
/// <param name="To">Last day of the window, if any.</param>
/// <param name="LinkRun">The link run the persons and families come from.</param>
/// <param name="Rows">The groups, largest first ("not recorded" last); in their own order for sex and generation.</param>
/// <param name="Exact">True when small counts are shown.</param>
public sealed record GroupedOverlap(OverlapBreakdown By, DateOnly? From, DateOnly? To, long LinkRun, IReadOnlyList<GroupedOverlapRow> Rows, bool Exact)
{
    /// <summary>True when families are counted by group (by ZIP code; a family has no one sex or generation).</summary>
    public bool HasFamilies => By == OverlapBreakdown.Zip;
}
