using System.Runtime.CompilerServices;
using Tessera.Linkage.Records;

namespace Tessera.Linkage.Comparisons;

/// <summary>Middle names: exact, initial agrees (one side wrote only the initial, or both start alike), different.</summary>
internal sealed class MiddleNameComparison : Comparison
{
    public override string Name => "middle_name";

    public override StandardColumn[] Columns => [StandardColumn.MiddleName, StandardColumn.FullName];

    public override ComparisonLevel[] Levels { get; } = [new("exact"), new("initial agrees"), new("different")];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int Compare(PreparedRecords records, int i, int j)
    {
        var a = records.MiddleFull[i];
        var b = records.MiddleFull[j];
        if (a is null || b is null)
        {
            return Null;
        }

        return string.Equals(a, b, StringComparison.Ordinal) ? 0 : a[0] == b[0] ? 1 : 2;
    }

    public override string? Describe(PreparedRecords records, int i) => records.MiddleFull[i];
}
