using System.Runtime.CompilerServices;
using Tessera.Linkage.Records;

namespace Tessera.Linkage.Comparisons;

/// <summary>Sex: same or different. Weak on its own, but it separates twins and parent/child pairs of the same name.</summary>
internal sealed class SexComparison : Comparison
{
    public override string Name => "sex";

    public override StandardColumn[] Columns => [StandardColumn.Sex];

    public override ComparisonLevel[] Levels { get; } = [new("same"), new("different")];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int Compare(PreparedRecords records, int i, int j)
    {
        var a = records.Sex[i];
        var b = records.Sex[j];
        return a == '\0' || b == '\0' ? Null : a == b ? 0 : 1;
    }

    public override string? Describe(PreparedRecords records, int i) => records.Sex[i] == '\0' ? null : records.Sex[i].ToString();
}
