using System.Runtime.CompilerServices;
using Tessera.Linkage.Records;
using Tessera.Linkage.Standardisation;

namespace Tessera.Linkage.Comparisons;

/// <summary>Given names: exact, nickname, same first word or the middle name used ("Bill"/"William", "Mary Ann"/"Mary", "J Michael"/"Michael"), close spelling, written in the family-name field, sounds alike, initial only.</summary>
internal sealed class GivenNameComparison : Comparison
{
    public override string Name => "given_name";

    public override StandardColumn[] Columns => [StandardColumn.GivenName, StandardColumn.FullName];

    public override ComparisonLevel[] Levels { get; } =
    [
        new("exact", TermFrequencyAdjusted: true),
        new("nickname, first word or middle name"),
        new("jaro-winkler >= 0.92"),
        new("swapped with family name"),
        new("jaro-winkler >= 0.80 or sounds alike"),
        new("initial agrees"),
        new("different"),
    ];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int Compare(PreparedRecords records, int i, int j)
    {
        var a = records.GivenFull[i];
        var b = records.GivenFull[j];
        if (a is null || b is null)
        {
            return NameSwap.Swapped(records, i, j) ? 3 : Null;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 0;
        }

        var firstA = records.GivenFirst[i]!;
        var firstB = records.GivenFirst[j]!;
        if (a.Length == 1 || b.Length == 1)
        {
            return a[0] == b[0] ? 5 : 6;
        }

        if (string.Equals(firstA, firstB, StringComparison.Ordinal) || Nicknames.ShareGroup(records.GivenNicknameGroups[i]!, records.GivenNicknameGroups[j]!)
            || string.Equals(firstA, records.MiddleFull[j], StringComparison.Ordinal) || string.Equals(records.MiddleFull[i], firstB, StringComparison.Ordinal))
        {
            return 1;
        }

        var similarity = StringSimilarity.JaroWinklerAtLeast(a, b, 0.80);
        if (similarity >= 0.92)
        {
            return 2;
        }

        if (NameSwap.Swapped(records, i, j))
        {
            return 3;
        }

        return similarity >= 0.80 || string.Equals(records.GivenPhonetic[i], records.GivenPhonetic[j], StringComparison.Ordinal) ? 4 : 6;
    }

    public override double TermFrequency(PreparedRecords records, int i, int j, int level) => records.GivenFrequency[i];

    public override string? Describe(PreparedRecords records, int i) => records.GivenFull[i];
}
