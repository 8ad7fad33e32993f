using Tessera.Linkage.Running;

namespace Tessera.Linkage.Clustering;

/// <summary>Every record's compared partners, the pair's match probability and how many fields both had, in compact (CSR) arrays.</summary>
internal sealed class Neighbours
{
    private readonly int[] _start;
    private readonly int[] _partner;
    private readonly float[] _probability;
    private readonly byte[] _fields;

    private Neighbours(int[] start, int[] partner, float[] probability, byte[] fields)
    {
        _start = start;
        _partner = partner;
        _probability = probability;
        _fields = fields;
    }

    /// <summary>
    /// Built in contiguous chunks of the links, one per core: each chunk counts its records'
    /// partners, so each knows where its part of every record's list starts and fills it alone.
    /// The lists come out in link order, as one thread would write them, for any number of cores.
    /// </summary>
    public static Neighbours Of(int records, ScoredPairs links)
    {
        var chunks = Math.Max(1, Math.Min(Environment.ProcessorCount, links.Count / 100_000));
        var counts = new int[chunks][];
        Parallel.For(0, chunks, Workers.PerCore(), c =>
        {
            var count = counts[c] = new int[records];
            var (from, to) = Chunk(links.Count, chunks, c);
            for (var n = from; n < to; n++)
            {
                var link = links.Pair(n);
                count[link.Left]++;
                count[link.Right]++;
            }
        });

        // Each record's list starts where the previous one ends; within it, chunk c's part follows chunk c − 1's.
        var start = new int[records + 1];
        for (var i = 0; i < records; i++)
        {
            var at = start[i];
            for (var c = 0; c < chunks; c++)
            {
                (counts[c][i], at) = (at, at + counts[c][i]);
            }

            start[i + 1] = at;
        }

        var partner = new int[start[records]];
        var probability = new float[start[records]];
        var fields = new byte[start[records]];
        Parallel.For(0, chunks, Workers.PerCore(), c =>
        {
            var next = counts[c];
            var (from, to) = Chunk(links.Count, chunks, c);
            for (var n = from; n < to; n++)
            {
                var link = links[n];
                Add(next, link.Left, link.Right, link);
                Add(next, link.Right, link.Left, link);
            }
        });

        void Add(int[] next, int from, int to, ScoredLink link)
        {
            partner[next[from]] = to;
            fields[next[from]] = link.Fields;
            probability[next[from]++] = (float)link.Probability;
        }

        return new Neighbours(start, partner, probability, fields);
    }

    private static (int From, int To) Chunk(int count, int chunks, int c) => ((int)((long)count * c / chunks), (int)((long)count * (c + 1) / chunks));

    public IEnumerable<(int Partner, float Probability, int Fields)> Of(int record)
    {
        for (var n = _start[record]; n < _start[record + 1]; n++)
        {
            yield return (_partner[n], _probability[n], _fields[n]);
        }
    }
}
