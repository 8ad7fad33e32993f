using System.Runtime.CompilerServices;
using Tessera.Linkage.Records;

namespace Tessera.Linkage.Comparisons;

/// <summary>SSNs: exact; one digit mistyped or two swapped; only the last four digits known and they agree; different.</summary>
internal sealed class SsnComparison : Comparison
{
    public override string? ExactMatchRule => "ssn";

    public override string Name => "ssn";

    public override StandardColumn[] Columns => [StandardColumn.Ssn];

    public override ComparisonLevel[] Levels { get; } =
        [new("exact"), new("one digit different"), new("last four agree"), new("different")];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int Compare(PreparedRecords records, int i, int j)
    {
        var a = records.Ssn[i];
        var b = records.Ssn[j];
        if (a is not null && b is not null)
        {
            return string.Equals(a, b, StringComparison.Ordinal) ? 0 : StringSimilarity.DamerauLevenshtein(a, b, 1) <= 1 ? 1 : 3;
        }

        var lastA = records.SsnLastFour[i];
        var lastB = records.SsnLastFour[j];
        if (lastA is null || lastB is null)
        {
            return Null;
        }

        return string.Equals(lastA, lastB, StringComparison.Ordinal) ? 2 : 3;
    }

    public override string? Describe(PreparedRecords records, int i) => records.Ssn[i] ?? (records.SsnLastFour[i] is { } last ? "xxxxx" + last : null);
}
