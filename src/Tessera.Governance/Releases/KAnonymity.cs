namespace Tessera.Governance.Releases;

/// <summary>
/// k-anonymity by full-domain generalisation with a suppression limit, the way ARX searches it:
/// every combination of levels of the quasi-identifiers' hierarchies is a node of the
/// generalisation lattice; a node is acceptable when the rows left in equivalence classes smaller
/// than k (which are suppressed) are no more than the limit; of the acceptable nodes the one that
/// loses least information wins (loss: each quasi-identifier's level as a share of its hierarchy's
/// height, averaged — Sweeney's precision — plus the share of rows suppressed; ties go to fewer
/// suppressed rows, then to the earlier node). Lattices of up to <see cref="MaxExhaustiveNodes"/>
/// nodes are searched exhaustively, so the answer is the optimum; a file with many
/// quasi-identifiers (HMIS's client file has twenty yes/no race and gender columns, a lattice of a
/// million nodes) is generalised by Sweeney's Datafly instead — the quasi-identifier with the most
/// distinct values is raised one level until k holds — and then, while k still holds, the raise
/// whose undoing loses least is undone, one level at a time. A class's size counts people, not
/// rows, when each row's owner is given: a person with three enrolments is one person in their
/// class, not three.
/// </summary>
public static class KAnonymity
{
    /// <summary>The default k: no equivalence class of a release smaller than 11 (the CMS cell rule's "more than 10").</summary>
    public const int DefaultK = 11;

    /// <summary>The largest lattice searched node by node.</summary>
    public const int MaxExhaustiveNodes = 4096;

    /// <summary>
    /// Generalises <paramref name="rows"/> (each row's quasi-identifier values, in the order of
    /// <paramref name="hierarchies"/>) so every class has at least <paramref name="k"/> rows — or
    /// people, when <paramref name="owners"/> names each row's person — suppressing at most
    /// <paramref name="maxSuppressedShare"/> of the rows.
    /// </summary>
    /// <exception cref="InvalidOperationException">No node meets k within the limit (only when the limit is below the share a fully generalised node leaves, i.e. fewer than k rows in all).</exception>
    public static KAnonymousRelease Apply(IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<Hierarchy> hierarchies, int k = DefaultK, double maxSuppressedShare = 0.02, IReadOnlyList<string>? owners = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(hierarchies);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (owners is not null && owners.Count != rows.Count)
        {
            throw new ArgumentException("Every row needs its owner.", nameof(owners));
        }

        var limit = (long)Math.Floor(maxSuppressedShare * rows.Count);
        var nodes = hierarchies.Aggregate(1L, (n, h) => n > MaxExhaustiveNodes ? n : n * h.Levels);
        var best = nodes <= MaxExhaustiveNodes ? Exhaustive(rows, hierarchies, k, limit, owners) : Datafly(rows, hierarchies, k, limit, owners);
        return best ?? throw new InvalidOperationException($"No generalisation leaves classes of {k} or more while suppressing at most {limit} of {rows.Count} rows.");
    }

    /// <summary>The rows generalised to <paramref name="levels"/>, and the indexes of those in classes smaller than <paramref name="k"/> (rows, or distinct <paramref name="owners"/>).</summary>
    public static (IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlySet<int> Suppressed) Evaluate(IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<Hierarchy> hierarchies, IReadOnlyList<int> levels, int k, IReadOnlyList<string>? owners = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(hierarchies);
        ArgumentNullException.ThrowIfNull(levels);
        var generalised = rows.Select(r => (IReadOnlyList<string>)[.. r.Select((v, i) => hierarchies[i].Generalise(v, levels[i]))]).ToList();
        var sizes = generalised.Select((r, i) => (Key: Key(r), Owner: owners?[i] ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Owner).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
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

    private static KAnonymousRelease? Exhaustive(IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<Hierarchy> hierarchies, int k, long limit, IReadOnlyList<string>? owners)
    {
        KAnonymousRelease? best = null;
        foreach (var levels in Lattice(hierarchies))
        {
            var (generalised, suppressed) = Evaluate(rows, hierarchies, levels, k, owners);
            if (suppressed.Count > limit)
            {
                continue;
            }

            var loss = Loss(hierarchies, levels, suppressed.Count, rows.Count);
            if (best is null || loss < best.Loss - 1e-12 || (Math.Abs(loss - best.Loss) <= 1e-12 && suppressed.Count < best.Suppressed.Count))
            {
                best = Result(levels, generalised, suppressed, loss, "every node of the generalisation lattice");
            }
        }

        return best;
    }

    private static KAnonymousRelease? Datafly(IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<Hierarchy> hierarchies, int k, long limit, IReadOnlyList<string>? owners)
    {
        var levels = new int[hierarchies.Count];
        var (generalised, suppressed) = Evaluate(rows, hierarchies, levels, k, owners);
        while (suppressed.Count > limit)
        {
            var raise = Enumerable.Range(0, levels.Length).Where(i => levels[i] < hierarchies[i].Levels - 1)
                .Select(i => (i, Distinct: generalised.Select(r => r[i]).Distinct(StringComparer.Ordinal).Count()))
                .OrderByDescending(x => x.Distinct).ThenBy(x => x.i).Select(x => (int?)x.i).FirstOrDefault();
            if (raise is not { } column)
            {
                return null;
            }

            levels[column]++;
            (generalised, suppressed) = Evaluate(rows, hierarchies, levels, k, owners);
        }

        // Datafly overshoots: undo, one level at a time, the raise whose undoing loses least while k still holds.
        while (true)
        {
            var best = (Column: -1, Loss: double.MaxValue, Rows: generalised, Suppressed: suppressed);
            for (var i = 0; i < levels.Length; i++)
            {
                if (levels[i] == 0)
                {
                    continue;
                }

                levels[i]--;
                var (lower, lowerSuppressed) = Evaluate(rows, hierarchies, levels, k, owners);
                var loss = Loss(hierarchies, levels, lowerSuppressed.Count, rows.Count);
                if (lowerSuppressed.Count <= limit && loss < best.Loss - 1e-12)
                {
                    best = (i, loss, lower, lowerSuppressed);
                }

                levels[i]++;
            }

            if (best.Column < 0)
            {
                break;
            }

            levels[best.Column]--;
            (generalised, suppressed) = (best.Rows, best.Suppressed);
        }

        return Result(levels, generalised, suppressed, Loss(hierarchies, levels, suppressed.Count, rows.Count), "Datafly (too many quasi-identifiers for every node)");
    }

    private static KAnonymousRelease Result(int[] levels, IReadOnlyList<IReadOnlyList<string>> generalised, IReadOnlySet<int> suppressed, double loss, string search) =>
        new([.. levels], generalised, [.. suppressed.Order()], loss, generalised.Where((_, i) => !suppressed.Contains(i)).Select(Key).Distinct(StringComparer.Ordinal).Count(), search);

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
