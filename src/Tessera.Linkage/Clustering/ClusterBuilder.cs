using System.Collections.Concurrent;
using System.Globalization;
using Tessera.Linkage.Assignment;
using Tessera.Linkage.Comparisons;
using Tessera.Linkage.Records;
using Tessera.Linkage.Running;

namespace Tessera.Linkage.Clustering;

/// <summary>
/// Groups records into persons. Links at or above the threshold are taken strongest first; two
/// groups are joined only when (1) that makes no conflict — two valid SSNs more than one digit
/// apart in one person — and (2) the pairs compared between them are on average not unlikely matches (mean probability at least 0.25).
/// The second check stops chaining: a father and son who each link to one ambiguous record are
/// not thereby made one person. Reviewers' decisions come before both: pairs they confirmed are
/// joined first, and records they kept apart are never put in one group, however strong the links.
/// Encoded SSNs conflict like plain ones, when every filter of one group is further from every
/// filter of the other than a typo leaves (Dice below 0.7). A third conflict is age: a group whose youngest birth date is less than 14 years before the
/// earliest year it shows paid work cannot take the worker's records. A fourth is a generation:
/// two groups whose birth dates are all more than ten years apart (and not one typo apart, such
/// as 1985 and 1958) are a father and his Jr., however alike their name, address and phone —
/// unless they share an SSN-like number (at most two keystrokes apart), which outweighs a birth
/// date mistyped beyond recognition.
/// Under a one-to-one constraint a group never holds two records of one source; the optimal form
/// first chooses, between the two sources, the links with the largest sum of probabilities.
/// Returns each record's group as the number of its first record.
/// </summary>
/// <remarks>
/// Links only ever join groups of one connected component (records connected by links at or
/// above the threshold, or by confirmed pairs), and every check reads only the two groups it
/// joins, so components are joined side by side on every core, each in its links' order: the
/// groups are the ones one thread makes, for any number of cores.
/// </remarks>
internal static class ClusterBuilder
{
    /// <summary>Mean probability the compared pairs between two groups need before the groups are joined (chosen on the public benchmarks; docs/linkage.md).</summary>
    private const double MeanLinkThreshold = 0.25;

    /// <summary>Years between two birth dates beyond which they are two people, not one typed twice (unless one keystroke apart).</summary>
    private const int BirthYearsApart = 10;

    /// <summary>Youngest age at which a record of paid work is believable (US child labour law sets 14 for most jobs).</summary>
    private const int YoungestWorkingAge = 14;

    public static int[] Build(PreparedRecords records, ScoredPairs links, double threshold, LinkConstraints? constraints = null, OneToOne oneToOne = OneToOne.Off)
    {
        var neighbours = Neighbours.Of(records.Count, links);
        var parent = Enumerable.Range(0, records.Count).ToArray();
        var members = new List<int>?[records.Count];

        // Per group, what can show two groups are two people: valid SSNs; every SSN-like number, valid or not (another
        // country's seven digits — sharing one outweighs a birth-date conflict); complete birth dates; and the encoded
        // SSNs and birth dates (ssn_clk, birth_date_clk), compared by Dice since the hub cannot read them.
        var ssns = PerRecord(records.Count, i => records.Ssn[i] is { Length: 9 }, i => records.Ssn[i]!);
        var numbers = PerRecord(records.Count, i => records.Ssn[i] is not null, i => records.Ssn[i]!);
        var births = PerRecord(records.Count, i => records.BirthDate[i] >= 10_000, i => records.BirthDate[i]);
        var ssnFilters = records.Filters[BloomFilterComparison.IndexOf(StandardColumn.SsnClk)];
        var encodedSsns = PerRecord(records.Count, i => ssnFilters?[i] is not null, i => ssnFilters![i]!);
        var birthFilters = records.Filters[BloomFilterComparison.IndexOf(StandardColumn.BirthDateClk)];
        var encodedBirths = PerRecord(records.Count, i => birthFilters?[i] is not null, i => birthFilters![i]!);

        // Per group: latest birth year and earliest year of adult activity (0: none).
        var born = new int[records.Count];
        var adult = new int[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            born[i] = records.BirthDate[i] / 10_000;
            adult[i] = records.AdultInYear[i];
        }

        // Per group under one-to-one: the sources it holds a record of.
        var sources = oneToOne == OneToOne.Off ? null : PerRecord(records.Count, _ => true, i => records.Source[i]);

        var apart = new List<int>?[records.Count];
        foreach (var (left, right) in constraints?.KeptApart ?? [])
        {
            (apart[left] ??= []).Add(right);
            (apart[right] ??= []).Add(left);
        }

        void JoinGroups(int a, int b)
        {
            var (latestBirth, firstWork) = (Math.Max(born[a], born[b]), FirstWork(adult, a, b));
            var root = Join(parent, members, ssns, apart, a, b);
            var child = root == a ? b : a;
            Merge(births, root, child);
            Merge(numbers, root, child);
            Merge(encodedSsns, root, child);
            Merge(encodedBirths, root, child);
            if (sources is not null)
            {
                Merge(sources, root, child);
            }

            (born[root], adult[root]) = (latestBirth, firstWork);
        }

        // Two people by their identifiers: one source twice under one-to-one, SSNs apart, or a generation apart without a shared SSN.
        bool DifferentPeople(int a, int b) =>
            (sources is not null && Shared(sources[a], sources[b], (x, y) => x == y))
            || Conflict(ssns[a], ssns[b], SsnsAgree)
            || Conflict(encodedSsns[a], encodedSsns[b], EncodedSsnsAgree)
            || ((Conflict(births[a], births[b], BirthDatesAgree) || Conflict(encodedBirths[a], encodedBirths[b], EncodedBirthDatesAgree))
                && !Shared(numbers[a], numbers[b], NumbersAlike) && !Shared(encodedSsns[a], encodedSsns[b], EncodedSsnsAgree));

        foreach (var (left, right) in constraints?.Confirmed ?? [])
        {
            var a = Find(parent, left);
            var b = Find(parent, right);
            if (a != b && !KeptApart(parent, null, apart, a, b))
            {
                JoinGroups(a, b);
            }
        }

        var order = oneToOne == OneToOne.Optimal ? OptimalLinks(records, links, threshold) : links.AtLeast(threshold);

        // Links of different components (records connected by links above the threshold or by
        // confirmed pairs) never touch the same groups, so the components are joined side by side,
        // each in the order of its links: the result is the one a single thread gives.
        var (component, grouped, starts) = Components(links, order, parent);
        var components = starts.Length - 1;
        if (components > 0)
        {
            Parallel.ForEach(Partitioner.Create(0, components, Math.Max(1, components / (Environment.ProcessorCount * 16))), Workers.PerCore(), JoinComponents);
        }

        void JoinComponents(Tuple<int, int> range)
        {
            for (var g = range.Item1; g < range.Item2; g++)
            {
                for (var k = starts[g]; k < starts[g + 1]; k++)
                {
                    var (left, right) = links.Pair(grouped[k]);
                    var a = Find(parent, left);
                    var b = Find(parent, right);
                    if (a == b || DifferentPeople(a, b) || TooYoung(born, adult, a, b) || KeptApart(parent, component, apart, a, b) || !Cohesive(neighbours, parent, component, members, a, b))
                    {
                        continue;
                    }

                    JoinGroups(a, b);
                }
            }
        }

        var cluster = new int[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            cluster[i] = Find(parent, i);
        }

        return cluster;
    }

    /// <summary>
    /// The links at or above the threshold that a maximum-weight matching between the two sources
    /// keeps (weight: the match probability), strongest first; links within a source are dropped.
    /// </summary>
    private static int[] OptimalLinks(PreparedRecords records, ScoredPairs links, double threshold)
    {
        var candidates = links.AtLeast(threshold);
        var first = records.Source.Min();
        var across = new List<int>();
        var edges = new List<ScoredEdge>();
        foreach (var n in candidates)
        {
            var link = links[n];
            if (records.Source[link.Left] != records.Source[link.Right])
            {
                var (left, right) = records.Source[link.Left] == first ? (link.Left, link.Right) : (link.Right, link.Left);
                across.Add(n);
                edges.Add(new ScoredEdge(left, right, link.Probability));
            }
        }

        var kept = BipartiteMatching.Optimal(edges).Select(e => across[e]).ToHashSet();
        return [.. candidates.Where(kept.Contains)];
    }

    /// <summary>True when joining would put a birth date less than <see cref="YoungestWorkingAge"/> years before a year of paid work.</summary>
    private static bool TooYoung(int[] born, int[] adult, int a, int b)
    {
        var latestBirth = Math.Max(born[a], born[b]);
        var firstWork = FirstWork(adult, a, b);
        return latestBirth > 0 && firstWork > 0 && firstWork - latestBirth < YoungestWorkingAge;
    }

    private static int FirstWork(int[] adult, int a, int b) => adult[a] == 0 ? adult[b] : adult[b] == 0 ? adult[a] : Math.Min(adult[a], adult[b]);

    private static int Join(int[] parent, List<int>?[] members, List<string>?[] ssns, List<int>?[] apart, int a, int b)
    {
        var (root, child) = a < b ? (a, b) : (b, a);
        parent[child] = root;
        (members[root] ??= [root]).AddRange(members[child] ?? [child]);
        members[child] = null;
        Merge(ssns, root, child);
        if (apart[child] is { } moved)
        {
            (apart[root] ??= []).AddRange(moved);
            apart[child] = null;
        }

        return root;
    }

    /// <summary>
    /// Each record's component (a number shared by the records that links at or above the
    /// threshold or confirmed pairs connect) and the links of each component in their order:
    /// those of component g at <c>grouped[starts[g]..starts[g + 1]]</c>.
    /// </summary>
    private static (int[] Component, int[] Grouped, int[] Starts) Components(ScoredPairs links, int[] order, int[] parent)
    {
        var component = (int[])parent.Clone();
        foreach (var n in order)
        {
            var (left, right) = links.Pair(n);
            var (a, b) = (Find(component, left), Find(component, right));
            if (a != b)
            {
                component[Math.Max(a, b)] = Math.Min(a, b);
            }
        }

        for (var i = 0; i < component.Length; i++)
        {
            component[i] = Find(component, i);
        }

        var index = new Dictionary<int, int>();
        var of = new int[order.Length];
        var sizes = new List<int>();
        for (var k = 0; k < order.Length; k++)
        {
            var root = component[links.Pair(order[k]).Left];
            if (!index.TryGetValue(root, out var g))
            {
                index[root] = g = sizes.Count;
                sizes.Add(0);
            }

            of[k] = g;
            sizes[g]++;
        }

        var starts = new int[sizes.Count + 1];
        for (var g = 0; g < sizes.Count; g++)
        {
            starts[g + 1] = starts[g] + sizes[g];
        }

        var next = starts[..^1];
        var grouped = new int[order.Length];
        for (var k = 0; k < order.Length; k++)
        {
            grouped[next[of[k]]++] = order[k];
        }

        return (component, grouped, starts);
    }

    /// <summary>True when a reviewer kept a record of one group apart from a record of the other (a record of another component is in neither).</summary>
    private static bool KeptApart(int[] parent, int[]? component, List<int>?[] apart, int a, int b)
    {
        foreach (var (group, other) in new[] { (a, b), (b, a) })
        {
            if (apart[group] is { } records && records.Exists(r => (component is null || component[r] == component[other]) && Find(parent, r) == other))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the most informative pairs compared between the groups (those with the most
    /// fields on both sides) are on average not unlikely matches. A child's record (name, birth
    /// date) may match a wage record (name, SSN) on the name alone; whether the child joins the
    /// worker is decided by the worker's records that also have a birth date.
    /// </summary>
    private static bool Cohesive(Neighbours neighbours, int[] parent, int[] component, List<int>?[] members, int a, int b)
    {
        var left = members[a] ?? [a];
        var right = members[b] ?? [b];
        if (left.Count == 1 && right.Count == 1)
        {
            return true;
        }

        var (smaller, other) = left.Count <= right.Count ? (left, b) : (right, a);
        double sum = 0;
        var count = 0;
        var mostFields = -1;
        foreach (var record in smaller)
        {
            foreach (var (neighbour, probability, fields) in neighbours.Of(record))
            {
                if (fields < mostFields || component[neighbour] != component[other] || Find(parent, neighbour) != other)
                {
                    continue;
                }

                if (fields > mostFields)
                {
                    (mostFields, sum, count) = (fields, 0, 0);
                }

                sum += probability;
                count++;
            }
        }

        return count == 0 || sum / count >= MeanLinkThreshold;
    }

    /// <summary>Each record's value as a one-item list (null where it has none), to be merged as groups join.</summary>
    private static List<T>?[] PerRecord<T>(int count, Func<int, bool> has, Func<int, T> value)
    {
        var lists = new List<T>?[count];
        for (var i = 0; i < count; i++)
        {
            if (has(i))
            {
                lists[i] = [value(i)];
            }
        }

        return lists;
    }

    /// <summary>True when a value of one group is compatible with a value of the other.</summary>
    private static bool Shared<T>(List<T>? left, List<T>? right, Func<T, T, bool> compatible) =>
        left is not null && right is not null && left.Exists(a => right.Exists(b => compatible(a, b)));

    /// <summary>True when both groups hold values and no value of one is compatible with a value of the other.</summary>
    private static bool Conflict<T>(List<T>? left, List<T>? right, Func<T, T, bool> compatible)
    {
        if (left is null || right is null)
        {
            return false;
        }

        foreach (var a in left)
        {
            foreach (var b in right)
            {
                if (compatible(a, b))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool SsnsAgree(string a, string b) => StringSimilarity.DamerauLevenshtein(a, b, 1) <= 1;

    /// <summary>Encoded SSNs of one person: Dice at least 0.7, which a one-digit typo or two swapped digits keep.</summary>
    private static bool EncodedSsnsAgree(BloomFilter a, BloomFilter b) => a.Dice(b) >= 0.7;

    /// <summary>Encoded birth dates of one person: Dice at least 0.5 — the same year with another day, or a digit or two typed wrong.</summary>
    private static bool EncodedBirthDatesAgree(BloomFilter a, BloomFilter b) => a.Dice(b) >= 0.5;

    /// <summary>SSN-like numbers at most two keystrokes apart: too close for a father's and son's, whose numbers are unrelated.</summary>
    private static bool NumbersAlike(string a, string b) => StringSimilarity.DamerauLevenshtein(a, b, 2) <= 2;

    /// <summary>Birth dates (yyyymmdd, month and day 0 when unknown) of one person: within ten years, or one keystroke apart.</summary>
    private static bool BirthDatesAgree(int a, int b) =>
        Math.Abs(a / 10_000 - b / 10_000) <= BirthYearsApart
        || StringSimilarity.DamerauLevenshtein(a.ToString(CultureInfo.InvariantCulture), b.ToString(CultureInfo.InvariantCulture), 1) <= 1;

    private static void Merge<T>(List<T>?[] values, int root, int child)
    {
        if (values[child] is { } moved)
        {
            var kept = values[root] ??= [];
            kept.AddRange(moved.Where(v => !kept.Contains(v)));
            values[child] = null;
        }
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }
}
