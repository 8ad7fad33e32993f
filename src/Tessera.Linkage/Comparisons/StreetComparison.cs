using System.Runtime.CompilerServices;
using Tessera.Linkage.Records;

namespace Tessera.Linkage.Comparisons;

/// <summary>Street addresses: same address and unit (same household), same street address (same building), close spelling, different.</summary>
internal sealed class StreetComparison : Comparison
{
    public override bool SharedByHousehold => true;

    public override string Name => "street";

    public override StandardColumn[] Columns => [StandardColumn.Street];

    public override ComparisonLevel[] Levels { get; } =
        [new("same address and unit", Household: true), new("same street address", Household: true), new("jaro-winkler >= 0.90", Household: true), new("different")];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int Compare(PreparedRecords records, int i, int j)
    {
        var a = records.Street[i];
        var b = records.Street[j];
        if (a is null || b is null)
        {
            return Null;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return string.Equals(records.Unit[i], records.Unit[j], StringComparison.Ordinal) ? 0 : 1;
        }

        return StringSimilarity.JaroWinklerAtLeast(a, b, 0.90) > 0 ? 2 : 3;
    }

    public override string? Describe(PreparedRecords records, int i) =>
        records.Street[i] is { } street ? records.Unit[i] is { } unit ? street + " unit " + unit : street : null;
}
