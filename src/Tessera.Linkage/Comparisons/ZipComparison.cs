using System.Runtime.CompilerServices;
using Tessera.Linkage.Records;

namespace Tessera.Linkage.Comparisons;

/// <summary>ZIP codes or postcodes: exact (weighed by how common), one character different, same area (first three characters), different.</summary>
internal sealed class ZipComparison : Comparison
{
    public override bool SharedByHousehold => true;

    public override string Name => "zip";

    public override StandardColumn[] Columns => [StandardColumn.Zip];

    public override ComparisonLevel[] Levels { get; } =
        [new("exact", TermFrequencyAdjusted: true), new("one character different"), new("same area"), new("different")];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int Compare(PreparedRecords records, int i, int j)
    {
        var a = records.Zip[i];
        var b = records.Zip[j];
        if (a is null || b is null)
        {
            return Null;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 0;
        }

        if (StringSimilarity.DamerauLevenshtein(a, b, 1) <= 1)
        {
            return 1;
        }

        return a.Length >= 3 && b.Length >= 3 && a.AsSpan(0, 3).SequenceEqual(b.AsSpan(0, 3)) ? 2 : 3;
    }

    public override double TermFrequency(PreparedRecords records, int i, int j, int level) => records.ZipFrequency[i];

    public override string? Describe(PreparedRecords records, int i) => records.Zip[i];
}
