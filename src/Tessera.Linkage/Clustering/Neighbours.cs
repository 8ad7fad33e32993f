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

    public static Neighbours Of(int records, ScoredPairs links)
    {
        var start = new int[records + 1];
        for (var n = 0; n < links.Count; n++)
        {
            var link = links[n];
            start[link.Left + 1]++;
            start[link.Right + 1]++;
        }

        for (var i = 0; i < records; i++)
        {
            start[i + 1] += start[i];
        }

        var next = start[..records];
        var partner = new int[start[records]];
        var probability = new float[start[records]];
        var fields = new byte[start[records]];
        for (var n = 0; n < links.Count; n++)
        {
            var link = links[n];
            Add(link.Left, link.Right, link);
            Add(link.Right, link.Left, link);
        }

        void Add(int from, int to, ScoredLink link)
        {
            partner[next[from]] = to;
            fields[next[from]] = link.Fields;
            probability[next[from]++] = (float)link.Probability;
        }

        return new Neighbours(start, partner, probability, fields);
    }

    public IEnumerable<(int Partner, float Probability, int Fields)> Of(int record)
    {
        for (var n = _start[record]; n < _start[record + 1]; n++)
        {
            yield return (_partner[n], _probability[n], _fields[n]);
        }
    }
}
