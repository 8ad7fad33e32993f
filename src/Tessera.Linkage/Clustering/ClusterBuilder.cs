using Tessera.Linkage.Comparisons;
using Tessera.Linkage.Records;

namespace Tessera.Linkage.Clustering;

/// <summary>
/// Groups records into persons: links above the threshold are taken strongest first, and two
/// groups are joined only if that makes no conflict — two different valid SSNs (more than one
/// digit apart) in one person. Only US SSNs count: other identity numbers are too often mistyped. Returns each record's group as the number of its first record.
/// </summary>
internal static class ClusterBuilder
{
    public static int[] Build(PreparedRecords records, IEnumerable<ScoredLink> links, double threshold)
    {
        var parent = Enumerable.Range(0, records.Count).ToArray();
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
            if (a == b || Conflict(ssns[a], ssns[b]))
            {
                continue;
            }

            var (root, child) = a < b ? (a, b) : (b, a);
            parent[child] = root;
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
