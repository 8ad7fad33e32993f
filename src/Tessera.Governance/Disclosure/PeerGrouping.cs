namespace Tessera.Governance.Disclosure;

/// <summary>
/// Which of a provider's peers it may see one by one, and which only together, when it compares
/// itself with them: it knows its own figure, and the program's total is published elsewhere, so a
/// single peer hidden on its own could be worked out by subtraction. So small peers (a cell of 1 to
/// 10, <see cref="SmallCellSuppression"/>) are never shown alone: they go into one group, shown only
/// as its sum; while the group has fewer than two members or is small itself, the smallest peer
/// still shown joins it. Every member's range is then 0 to the group's sum (more than 10), whatever
/// else is published. When even all peers together cannot make such a group, nothing of the peers
/// is shown.
/// </summary>
public static class PeerGrouping
{
    /// <summary>
    /// Decides for each of <paramref name="peers"/> (numerator, or null for a figure without one;
    /// denominator): shown alone, in the group, or — when no safe group can be made — withheld with
    /// all the others.
    /// </summary>
    public static IReadOnlyList<PeerShown> Decide(IReadOnlyList<(long? Numerator, long Denominator)> peers)
    {
        ArgumentNullException.ThrowIfNull(peers);
        var grouped = peers.Select(p => Small(p.Numerator, p.Denominator)).ToArray();
        if (!grouped.Any(g => g))
        {
            return [.. peers.Select(_ => PeerShown.Alone)];
        }

        while (grouped.Count(g => g) < 2 || Small(Sum(peers, grouped, p => p.Numerator), Sum(peers, grouped, p => p.Denominator) ?? 0))
        {
            var next = Enumerable.Range(0, peers.Count).Where(i => !grouped[i]).OrderBy(i => peers[i].Denominator).ThenBy(i => i).Cast<int?>().FirstOrDefault();
            if (next is not { } i)
            {
                return [.. peers.Select(_ => PeerShown.Withheld)];
            }

            grouped[i] = true;
        }

        return [.. grouped.Select(g => g ? PeerShown.Grouped : PeerShown.Alone)];
    }

    private static long? Sum(IReadOnlyList<(long? Numerator, long Denominator)> peers, bool[] grouped, Func<(long? Numerator, long Denominator), long?> part) =>
        peers.Where((_, i) => grouped[i]).All(p => part(p) is not null) ? peers.Where((_, i) => grouped[i]).Sum(p => part(p)!.Value) : null;

    private static bool Small(long? numerator, long denominator) =>
        SmallCellSuppression.Apply([new Figure("peer", "p", "year", numerator, denominator)])[0] != Suppression.None;
}
