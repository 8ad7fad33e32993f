namespace Tessera.Linkage.Assignment;

/// <summary>
/// One-to-one assignment between two parties' records: each record in at most one chosen link.
/// Both methods are deterministic (ties go to the edge given first), so a run repeats exactly.
/// </summary>
public static class BipartiteMatching
{
    /// <summary>
    /// The edges taken strongest first, skipping any whose left or right record is already taken
    /// (anonlink's greedy solver for two parties). Returns the chosen edges' positions.
    /// </summary>
    public static int[] Greedy(IReadOnlyList<ScoredEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var order = Enumerable.Range(0, edges.Count).ToArray();
        var keys = order.Select(n => -edges[n].Score).ToArray();
        Array.Sort(keys, order);
        StableTies(order, keys);
        var left = new HashSet<int>();
        var right = new HashSet<int>();
        var chosen = new List<int>();
        foreach (var n in order)
        {
            if (!left.Contains(edges[n].Left) && !right.Contains(edges[n].Right))
            {
                left.Add(edges[n].Left);
                right.Add(edges[n].Right);
                chosen.Add(n);
            }
        }

        chosen.Sort();
        return [.. chosen];
    }

    /// <summary>
    /// The edges with the largest total score, each record in at most one (a maximum-weight
    /// bipartite matching, not necessarily of maximum size). Solved per connected component of the
    /// edges by successive shortest augmenting paths with Dijkstra and potentials, so its cost
    /// follows the components' sizes, not the parties'. Scores must be positive. Returns the chosen
    /// edges' positions, in order.
    /// </summary>
    public static int[] Optimal(IReadOnlyList<ScoredEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        foreach (var edge in edges)
        {
            if (!(edge.Score > 0) || double.IsInfinity(edge.Score))
            {
                throw new ArgumentException($"Scores must be positive and finite (got {edge.Score}).", nameof(edges));
            }
        }

        // Nodes: left records 0..L-1, right records L..L+R-1.
        var leftNode = new Dictionary<int, int>();
        var rightKeys = new Dictionary<int, int>();
        foreach (var edge in edges)
        {
            leftNode.TryAdd(edge.Left, leftNode.Count);
        }

        foreach (var edge in edges)
        {
            rightKeys.TryAdd(edge.Right, leftNode.Count + rightKeys.Count);
        }

        var nodes = leftNode.Count + rightKeys.Count;
        var parent = Enumerable.Range(0, nodes).ToArray();
        foreach (var edge in edges)
        {
            var a = Find(parent, leftNode[edge.Left]);
            var b = Find(parent, rightKeys[edge.Right]);
            if (a != b)
            {
                parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        }

        var components = new Dictionary<int, List<int>>();
        for (var n = 0; n < edges.Count; n++)
        {
            var root = Find(parent, leftNode[edges[n].Left]);
            if (!components.TryGetValue(root, out var list))
            {
                components[root] = list = [];
            }

            list.Add(n);
        }

        var chosen = new List<int>();
        foreach (var component in components.Values)
        {
            chosen.AddRange(component.Count == 1 ? component : Solve(edges, component));
        }

        chosen.Sort();
        return [.. chosen];
    }

    /// <summary>Maximum-weight matching of one connected component (edge positions in <paramref name="members"/>).</summary>
    private static List<int> Solve(IReadOnlyList<ScoredEdge> edges, List<int> members)
    {
        var lefts = new Dictionary<int, int>();
        var rights = new Dictionary<int, int>();
        foreach (var n in members)
        {
            lefts.TryAdd(edges[n].Left, lefts.Count);
            rights.TryAdd(edges[n].Right, rights.Count);
        }

        // Local edge lists: from each left, (right, weight, edge position).
        var adjacent = new List<(int Right, double Weight, int Edge)>[lefts.Count];
        for (var l = 0; l < adjacent.Length; l++)
        {
            adjacent[l] = [];
        }

        foreach (var n in members)
        {
            adjacent[lefts[edges[n].Left]].Add((rights[edges[n].Right], edges[n].Score, n));
        }

        // Min-cost flow s → left → right → t, cost −weight on left → right. Node numbering:
        // left l = l, right r = L + r, source S = L + R, sink T = S + 1.
        int nl = lefts.Count, nr = rights.Count, source = nl + nr, sink = source + 1;
        var matchOfLeft = Enumerable.Repeat(-1, nl).ToArray();   // local right
        var edgeOfLeft = Enumerable.Repeat(-1, nl).ToArray();    // index into adjacent[l]
        var matchOfRight = Enumerable.Repeat(-1, nr).ToArray();  // local left

        // Potentials: shortest distances from s in the initial (acyclic) graph.
        var potential = new double[sink + 1];
        for (var r = 0; r < nr; r++)
        {
            potential[nl + r] = 0;
        }

        for (var l = 0; l < nl; l++)
        {
            foreach (var (r, w, _) in adjacent[l])
            {
                potential[nl + r] = Math.Min(potential[nl + r], -w);
            }
        }

        potential[sink] = 0;
        for (var r = 0; r < nr; r++)
        {
            potential[sink] = Math.Min(potential[sink], potential[nl + r]);
        }

        var distance = new double[sink + 1];
        var previous = new int[sink + 1];
        var viaEdge = new int[sink + 1];
        var done = new bool[sink + 1];
        var queue = new PriorityQueue<int, (double, int)>();
        for (var round = 0; round < Math.Min(nl, nr); round++)
        {
            Array.Fill(distance, double.PositiveInfinity);
            Array.Fill(previous, -1);
            Array.Fill(done, false);
            distance[source] = 0;
            queue.Clear();
            queue.Enqueue(source, (0, source));
            while (queue.TryDequeue(out var u, out _))
            {
                if (done[u])
                {
                    continue;
                }

                done[u] = true;
                if (u == sink)
                {
                    break;
                }

                if (u == source)
                {
                    for (var l = 0; l < nl; l++)
                    {
                        if (matchOfLeft[l] < 0)
                        {
                            Relax(l, potential[source] - potential[l], source, -1);
                        }
                    }
                }
                else if (u < nl)
                {
                    var items = adjacent[u];
                    for (var k = 0; k < items.Count; k++)
                    {
                        if (k != edgeOfLeft[u])
                        {
                            var v = nl + items[k].Right;
                            Relax(v, -items[k].Weight + potential[u] - potential[v], u, k);
                        }
                    }
                }
                else
                {
                    var r = u - nl;
                    if (matchOfRight[r] < 0)
                    {
                        Relax(sink, potential[u] - potential[sink], u, -1);
                    }
                    else
                    {
                        var l = matchOfRight[r];
                        Relax(l, adjacent[l][edgeOfLeft[l]].Weight + potential[u] - potential[l], u, -1);
                    }
                }

                void Relax(int v, double reduced, int from, int edge)
                {
                    var d = distance[u] + Math.Max(0, reduced);
                    if (!done[v] && d < distance[v])
                    {
                        distance[v] = d;
                        previous[v] = from;
                        viaEdge[v] = edge;
                        queue.Enqueue(v, (d, v));
                    }
                }
            }

            if (double.IsPositiveInfinity(distance[sink]) || distance[sink] + potential[sink] - potential[source] >= -1e-12)
            {
                break; // no augmenting path gains any more weight
            }

            for (var v = 0; v <= sink; v++)
            {
                potential[v] += Math.Min(distance[v], distance[sink]);
            }

            // Augment along the path: every right reached from a left takes that left.
            for (var v = previous[sink]; v != source;)
            {
                var l = previous[v];
                var k = viaEdge[v];
                var r = v - nl;
                matchOfRight[r] = l;
                matchOfLeft[l] = r;
                edgeOfLeft[l] = k;
                v = previous[l];
            }
        }

        var chosen = new List<int>();
        for (var l = 0; l < nl; l++)
        {
            if (edgeOfLeft[l] >= 0)
            {
                chosen.Add(adjacent[l][edgeOfLeft[l]].Edge);
            }
        }

        return chosen;
    }

    /// <summary>Restores input order among equal keys after an unstable sort.</summary>
    private static void StableTies(int[] order, double[] keys)
    {
        var start = 0;
        for (var i = 1; i <= order.Length; i++)
        {
            if (i == order.Length || keys[i] != keys[start])
            {
                Array.Sort(order, start, i - start);
                start = i;
            }
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
