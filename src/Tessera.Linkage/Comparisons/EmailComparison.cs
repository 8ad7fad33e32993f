using System.Runtime.CompilerServices;
using Tessera.Linkage.Records;

namespace Tessera.Linkage.Comparisons;

/// <summary>E-mail addresses: exact, same user name at another domain or close spelling, different.</summary>
internal sealed class EmailComparison : Comparison
{
    public override string? ExactMatchRule => "email";

    public override string Name => "email";

    public override StandardColumn[] Columns => [StandardColumn.Email];

    public override ComparisonLevel[] Levels { get; } = [new("exact"), new("same user name or jaro-winkler >= 0.88"), new("different")];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int Compare(PreparedRecords records, int i, int j)
    {
        var a = records.Email[i];
        var b = records.Email[j];
        if (a is null || b is null)
        {
            return Null;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 0;
        }

        var userA = a.AsSpan(0, a.IndexOf('@'));
        var userB = b.AsSpan(0, b.IndexOf('@'));
        return userA.SequenceEqual(userB) || StringSimilarity.JaroWinklerAtLeast(a, b, 0.88) > 0 ? 1 : 2;
    }

    public override string? Describe(PreparedRecords records, int i) => records.Email[i];
}
