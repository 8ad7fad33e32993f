namespace Tessera.Linkage.Clustering;

/// <summary>Every record's compared partners and the pair's match probability, in compact (CSR) arrays.</summary>
internal sealed class Neighbours
{
    private readonly int[] _start;
    private readonly int[] _partner;
    private readonly float[] _probability;

    private Neighbours(int[] start, int[] partner, float[] probability)
    {
        _start = start;
        _partner = partner;
        _probability = probability;
    }

    public static Neighbours Of(int records, IReadOnlyList<ScoredLink> links)
    {
        var start = new int[records + 1];
        foreach (var link in links)
        {
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
        foreach (var link in links)
        {
            partner[next[link.Left]] = link.Right;
            probability[next[link.Left]++] = (float)link.Probability;
            partner[next[link.Right]] = link.Left;
            probability[next[link.Right]++] = (float)link.Probability;
        }

        return new Neighbours(start, partner, probability);
    }

    public IEnumerable<(int Partner, float Probability)> Of(int record)
    {
        for (var n = _start[record]; n < _start[record + 1]; n++)
        {
            yield return (_partner[n], _probability[n]);
        }
    }
}
