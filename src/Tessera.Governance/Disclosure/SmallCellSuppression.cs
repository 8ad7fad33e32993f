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

    private static long Size(Figure figure) => figure.Denominator ?? figure.Numerator ?? 0;

    private static bool IsSmall(Figure figure) =>
        Small(figure.Numerator) || Small(figure.Denominator) || (figure.Numerator is { } n && figure.Denominator is { } d && Small(d - n));

    private static bool Small(long? count) => count is >= 1 and <= Threshold;
}
