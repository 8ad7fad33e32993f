namespace Tessera.Governance.Releases;

/// <summary>
/// k-anonymity by full-domain generalisation with a suppression limit, the way ARX searches it:
/// every combination of levels of the quasi-identifiers' hierarchies is a node of the
/// generalisation lattice; a node is acceptable when the rows left in equivalence classes smaller
/// than k (which are suppressed) are no more than the limit; of the acceptable nodes the one that
/// loses least information wins (loss: each quasi-identifier's level as a share of its hierarchy's
/// height, averaged — Sweeney's precision — plus the share of rows suppressed; ties go to fewer
/// suppressed rows, then to the earlier node). The lattices of a release are small (a few hundred
/// nodes), so every node is evaluated: the answer is the optimum, not a heuristic's.
/// </summary>
public static class KAnonymity
{
    /// <summary>The default k: no equivalence class of a release smaller than 11 (the CMS cell rule's "more than 10").</summary>
    public const int DefaultK = 11;

    /// <summary>
    /// Generalises <paramref name="rows"/> (each row's quasi-identifier values, in the order of
    /// <paramref name="hierarchies"/>) so every class has at least <paramref name="k"/> rows,
    /// suppressing at most <paramref name="maxSuppressedShare"/> of the rows.
    /// </summary>
    /// <exception cref="InvalidOperationException">No node meets k within the limit (only when the limit is below the share a fully generalised node leaves, i.e. fewer than k rows in all).</exception>
    public static KAnonymousRelease Apply(IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<Hierarchy> hierarchies, int k = DefaultK, double maxSuppressedShare = 0.02)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(hierarchies);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var limit = (long)Math.Floor(maxSuppressedShare * rows.Count);
        KAnonymousRelease? best = null;
        foreach (var levels in Lattice(hierarchies))
        {
            var (generalised, suppressed) = Evaluate(rows, hierarchies, levels, k);
            if (suppressed.Count > limit)
            {
                continue;
            }

            var loss = Loss(hierarchies, levels, suppressed.Count, rows.Count);
            if (best is null || loss < best.Loss - 1e-12 || (Math.Abs(loss - best.Loss) <= 1e-12 && suppressed.Count < best.Suppressed.Count))
            {
                best = new KAnonymousRelease(levels, generalised, [.. suppressed.Order()], loss, KeptClasses(generalised, suppressed));
            }
        }

        return best ?? throw new InvalidOperationException($"No generalisation leaves classes of {k} or more while suppressing at most {limit} of {rows.Count} rows.");
    }

    /// <summary>The rows generalised to <paramref name="levels"/>, and the indexes of those in classes smaller than <paramref name="k"/>.</summary>
    public static (IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlySet<int> Suppressed) Evaluate(IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<Hierarchy> hierarchies, IReadOnlyList<int> levels, int k)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(hierarchies);
        ArgumentNullException.ThrowIfNull(levels);
        var generalised = rows.Select(r => (IReadOnlyList<string>)[.. r.Select((v, i) => hierarchies[i].Generalise(v, levels[i]))]).ToList();
        var sizes = generalised.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return (generalised, generalised.Select((r, i) => (r, i)).Where(x => sizes[Key(x.r)] < k).Select(x => x.i).ToHashSet());
    }

    /// <summary>The information a node loses: the mean of each level's share of its hierarchy's height, plus the share of rows suppressed.</summary>
    public static double Loss(IReadOnlyList<Hierarchy> hierarchies, IReadOnlyList<int> levels, int suppressed, int rows)
    {
        ArgumentNullException.ThrowIfNull(hierarchies);
        ArgumentNullException.ThrowIfNull(levels);
        var precision = levels.Select((l, i) => hierarchies[i].Levels == 1 ? 0 : (double)l / (hierarchies[i].Levels - 1)).DefaultIfEmpty(0).Average();
        return precision + (rows == 0 ? 0 : (double)suppressed / rows);
    }

    /// <summary>The sizes of the equivalence classes of <paramref name="rows"/> (rows with the same values).</summary>
    public static IReadOnlyList<int> ClassSizes(IEnumerable<IReadOnlyList<string>> rows) => [.. rows.GroupBy(Key).Select(g => g.Count())];

    private static int KeptClasses(IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlySet<int> suppressed) =>
        rows.Where((_, i) => !suppressed.Contains(i)).Select(Key).Distinct(StringComparer.Ordinal).Count();

    private static string Key(IReadOnlyList<string> row) => string.Join('\u001f', row);

    // Every combination of levels, lowest first.
    private static IEnumerable<int[]> Lattice(IReadOnlyList<Hierarchy> hierarchies)
    {
        var levels = new int[hierarchies.Count];
        while (true)
        {
            yield return [.. levels];
            var i = 0;
            while (i < levels.Length && ++levels[i] == hierarchies[i].Levels)
            {
                levels[i++] = 0;
            }

            if (i == levels.Length)
            {
                yield break;
            }
        }
    }
}
