using System.Runtime.CompilerServices;
using Tessera.Linkage.Records;

namespace Tessera.Linkage.Comparisons;

/// <summary>Cities: exact (weighed by how common the city is), close spelling, different.</summary>
internal sealed class CityComparison : Comparison
{
    public override bool SharedByHousehold => true;

    public override string Name => "city";

    public override StandardColumn[] Columns => [StandardColumn.City];

    public override ComparisonLevel[] Levels { get; } =
        [new("exact", TermFrequencyAdjusted: true), new("jaro-winkler >= 0.90"), new("different")];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int Compare(PreparedRecords records, int i, int j)
    {
        var a = records.City[i];
        var b = records.City[j];
        if (a is null || b is null)
        {
            return Null;
        }

        return string.Equals(a, b, StringComparison.Ordinal) ? 0 : StringSimilarity.JaroWinklerAtLeast(a, b, 0.90) > 0 ? 1 : 2;
    }

    public override double TermFrequency(PreparedRecords records, int i, int j, int level) => records.CityFrequency[i];

    public override string? Describe(PreparedRecords records, int i) => records.City[i];
}
