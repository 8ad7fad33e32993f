using System.Runtime.CompilerServices;
using Tessera.Linkage.Records;

namespace Tessera.Linkage.Comparisons;

/// <summary>Phone numbers: exact, one digit different or two swapped, different.</summary>
internal sealed class PhoneComparison : Comparison
{
    public override bool SharedByHousehold => true;

    public override string? ExactMatchRule => "phone";

    public override string Name => "phone";

    public override StandardColumn[] Columns => [StandardColumn.Phone];

    public override ComparisonLevel[] Levels { get; } = [new("exact", Household: true), new("one digit different", Household: true), new("different")];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int Compare(PreparedRecords records, int i, int j)
    {
        var a = records.Phone[i];
        var b = records.Phone[j];
        if (a is null || b is null)
        {
            return Null;
        }

        return string.Equals(a, b, StringComparison.Ordinal) ? 0 : StringSimilarity.DamerauLevenshtein(a, b, 1) <= 1 ? 1 : 2;
    }

    public override string? Describe(PreparedRecords records, int i) => records.Phone[i];
}
