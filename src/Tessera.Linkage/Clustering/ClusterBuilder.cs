using Tessera.Linkage.Comparisons;
using Tessera.Linkage.Records;

namespace Tessera.Linkage.Clustering;

/// <summary>
/// Groups records into persons. Links at or above the threshold are taken strongest first; two
/// groups are joined only when (1) that makes no conflict — two valid SSNs more than one digit
/// apart in one person — and (2) the pairs compared between them are on average not unlikely matches (mean probability at least 0.25).
/// The second check stops chaining: a father and son who each link to one ambiguous record are
/// not thereby made one person. Returns each record's group as the number of its first record.
/// </summary>
internal static class ClusterBuilder
{
    /// <summary>Mean probability the compared pairs between two groups need before the groups are joined (chosen on the public benchmarks; docs/linkage.md).</summary>
    private const double MeanLinkThreshold = 0.25;

    public static int[] Build(PreparedRecords records, IReadOnlyList<ScoredLink> links, double threshold)
    {
        var neighbours = Neighbours.Of(records.Count, links);
        var parent = Enumerable.Range(0, records.Count).ToArray();
        var members = new List<int>?[records.Count];
        var ssns = new List<string>?[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            if (records.Ssn[i] is { Length: 9 } ssn)
            {
                ssns[i] = [ssn];
            }
        }

        foreach (var link in links.Where(l => l.Probability >= threshold).OrderByDescending(l => l.Weight))
        {
            var a = Find(parent, link.Left);
            var b = Find(parent, link.Right);
            if (a == b || Conflict(ssns[a], ssns[b]) || !Cohesive(neighbours, parent, members, a, b))
            {
                continue;
            }

            var (root, child) = a < b ? (a, b) : (b, a);
            parent[child] = root;
            (members[root] ??= [root]).AddRange(members[child] ?? [child]);
            members[child] = null;
            if (ssns[child] is { } moved)
            {
                (ssns[root] ??= []).AddRange(moved.Where(s => !ssns[root]!.Contains(s)));
                ssns[child] = null;
            }
        }

        var cluster = new int[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            cluster[i] = Find(parent, i);
        }

        return cluster;
    }

    private static bool Cohesive(Neighbours neighbours, int[] parent, List<int>?[] members, int a, int b)
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
        foreach (var record in smaller)
        {
            foreach (var (neighbour, probability) in neighbours.Of(record))
            {
                if (Find(parent, neighbour) == other)
                {
                    sum += probability;
                    count++;
                }
            }
        }

        return count == 0 || sum / count >= MeanLinkThreshold;
    }

    private static bool Conflict(List<string>? left, List<string>? right)
    {
        if (left is null || right is null)
        {
            return false;
        }

        foreach (var a in left)
        {
            foreach (var b in right)
            {
                if (StringSimilarity.DamerauLevenshtein(a, b, 1) <= 1)
                {
                    return false;
                }
            }
        }

        return true;
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
