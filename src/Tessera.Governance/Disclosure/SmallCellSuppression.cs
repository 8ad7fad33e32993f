namespace Tessera.Governance.Disclosure;

/// <summary>
/// The one disclosure-control service every page, export and API uses for figures shown beyond
/// their owner (CMS cell-size rule): no cell counting 1 to 10 persons is shown — nor its
/// numerator, denominator, rate or the count they imply (a rate of 195/200 reveals 5) — and
/// complementary cells are hidden so that no hidden cell can be recovered from a published total:
/// in every period, each breakdown's hidden cells together with a hidden total always number two
/// or more and add up to more than 10, so the feasible range of any hidden cell includes 0 and more
/// than 10. For example, providers A 3, B 40, C 57 with total 100 publish A and B hidden.
/// </summary>
public static class SmallCellSuppression
{
    /// <summary>The largest count that may not be shown (CMS: 1 to 10).</summary>
    public const int Threshold = 10;

    /// <summary>Decides which of <paramref name="figures"/> to hide; the result is in the same order.</summary>
    public static IReadOnlyList<Suppression> Apply(IReadOnlyList<Figure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var hidden = figures.Select(f => IsSmall(f) ? Suppression.SmallCell : Suppression.None).ToArray();
        var totals = figures.Select((f, i) => (f, i)).Where(x => x.f.IsTotal).GroupBy(x => x.f.Period).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var relations = figures.Select((f, i) => (f, i)).Where(x => !x.f.IsTotal).GroupBy(x => (x.f.Period, x.f.Dimension))
            .Select(g => (Total: totals.GetValueOrDefault(g.Key.Period, -1), Members: g.Select(x => x.i).ToList()))
            .ToList();
        bool changed;
        do
        {
            changed = false;
            foreach (var (total, members) in relations)
            {
                var cells = total >= 0 ? [.. members, total] : members;
                var hiddenCells = cells.Where(i => hidden[i] != Suppression.None).ToList();
                if (hiddenCells.Count == 0 || (hiddenCells.Count >= 2 && Protected(hiddenCells)))
                {
                    continue;
                }

                // Hide the smallest shown cell of the row (a member before the total), until the hidden cells are two or more and hold more than 10.
                var candidate = cells.Where(i => hidden[i] == Suppression.None)
                    .OrderBy(i => i == total ? 1 : 0).ThenBy(i => Size(figures[i]) == 0 ? 1 : 0).ThenBy(i => Size(figures[i])).ThenBy(i => i)
                    .Cast<int?>().FirstOrDefault();
                if (candidate is { } next)
                {
                    hidden[next] = Suppression.Complementary;
                    changed = true;
                }
            }
        }
        while (changed);

        return hidden;

        // The hidden members of a row hold more than 10 in every count the table has (the total, when hidden, is unbounded anyway).
        bool Protected(List<int> cells)
        {
            var members = cells.Where(i => !figures[i].IsTotal).ToList();
            return members.Count < cells.Count
                || ((figures[members[0]].Numerator is null || members.Sum(i => figures[i].Numerator ?? 0) > Threshold)
                    && (figures[members[0]].Denominator is null || members.Sum(i => figures[i].Denominator ?? 0) > Threshold));
        }
    }

    /// <summary>
    /// Decides which of <paramref name="counts"/> to hide when they fall into groups whose totals
    /// are published (an UpSet chart's combinations: all of them add up to the persons touched by
    /// any agency; the families in one system and those in several are two groups). A count of 1
    /// to 10 is hidden; then, in every group holding a hidden cell, cells are hidden smallest first
    /// until the group's hidden cells are two or more and hold more than 10, so that each can be
    /// anything from 0 to more than 10 for all the published figures say. The groups must not
    /// overlap: with overlapping totals (every agency's total beside the grand total) hidden cells
    /// can be pinned by subtracting one total from another, which this rule does not prevent — so
    /// such totals must not be published beside the suppressed cells. Nor may the total of a group
    /// that <see cref="Protects"/> says is not protected (too few cells to hide enough): withhold
    /// it. The result is in the order of the counts.
    /// </summary>
    /// <exception cref="ArgumentException">A cell is in two groups.</exception>
    public static IReadOnlyList<Suppression> Apply(IReadOnlyList<long> counts, IReadOnlyList<IReadOnlyList<int>> groups)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.SelectMany(g => g).GroupBy(i => i).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Cell {twice.Key} is in two groups; suppression against overlapping totals is not safe.", nameof(groups));
        }

        var hidden = counts.Select(c => Small(c) ? Suppression.SmallCell : Suppression.None).ToArray();
        foreach (var members in groups)
        {
            while (true)
            {
                var hiddenCells = members.Where(i => hidden[i] != Suppression.None).ToList();
                if (hiddenCells.Count == 0 || (hiddenCells.Count >= 2 && hiddenCells.Sum(i => counts[i]) > Threshold))
                {
                    break;
                }

                var candidate = members.Where(i => hidden[i] == Suppression.None && counts[i] > 0).OrderBy(i => counts[i]).ThenBy(i => i).Cast<int?>().FirstOrDefault()
                    ?? members.Where(i => hidden[i] == Suppression.None).Cast<int?>().FirstOrDefault();
                if (candidate is not { } next)
                {
                    break; // the whole group is hidden: its total alone is all anyone knows
                }

                hidden[next] = Suppression.Complementary;
            }
        }

        return hidden;
    }

    /// <summary>
    /// True when the group's total may be published beside <paramref name="hidden"/>: none of its
    /// cells is hidden, or two or more are and they hold more than 10.
    /// </summary>
    public static bool Protects(IReadOnlyList<long> counts, IReadOnlyList<int> group, IReadOnlyList<Suppression> hidden)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(hidden);
        var cells = group.Where(i => hidden[i] != Suppression.None).ToList();
        return cells.Count == 0 || (cells.Count >= 2 && cells.Sum(i => counts[i]) > Threshold);
    }

    private static long Size(Figure figure) => figure.Denominator ?? figure.Numerator ?? 0;

    private static bool IsSmall(Figure figure) =>
        Small(figure.Numerator) || Small(figure.Denominator) || (figure.Numerator is { } n && figure.Denominator is { } d && Small(d - n));

    private static bool Small(long? count) => count is >= 1 and <= Threshold;
}
