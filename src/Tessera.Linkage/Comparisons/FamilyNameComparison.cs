using System.Runtime.CompilerServices;
using Tessera.Linkage.Records;

namespace Tessera.Linkage.Comparisons;

/// <summary>Family names: exact, one part shared ("Garcia"/"Garcia-Lopez", married and maiden names joined), close spelling, sounds alike; names swapped between the fields count once, under the given name.</summary>
internal sealed class FamilyNameComparison : Comparison
{
    /// <summary>
    /// A family name is shared by a household as much as its address is: among members of one
    /// household it agrees nearly always, so with the address it counts once.
    /// </summary>
    public override bool SharedByHousehold => true;

    public override string Name => "family_name";

    public override StandardColumn[] Columns => [StandardColumn.FamilyName, StandardColumn.FullName];

    public override ComparisonLevel[] Levels { get; } =
    [
        new("exact", TermFrequencyAdjusted: true),
        new("one part shared"),
        new("jaro-winkler >= 0.92"),
        new("jaro-winkler >= 0.80 or sounds alike"),
        new("different"),
    ];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int Compare(PreparedRecords records, int i, int j)
    {
        var a = records.FamilyFull[i];
        var b = records.FamilyFull[j];
        if (a is null || b is null)
        {
            return Null;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 0;
        }

        var partsA = records.FamilyParts[i]!;
        var partsB = records.FamilyParts[j]!;
        if (partsA.Length > 1 || partsB.Length > 1)
        {
            foreach (var part in partsA)
            {
                if (part.Length > 1 && Array.IndexOf(partsB, part) >= 0)
                {
                    return 1;
                }
            }
        }

        var similarity = StringSimilarity.JaroWinklerAtLeast(a, b, 0.80);
        if (similarity >= 0.92)
        {
            return 2;
        }

        if (NameSwap.Swapped(records, i, j))
        {
            // The given-name comparison scores the swap; counting it here too would count one fact twice.
            return Null;
        }

        return similarity >= 0.80 || string.Equals(records.FamilyPhonetic[i], records.FamilyPhonetic[j], StringComparison.Ordinal) ? 3 : 4;
    }

    public override double TermFrequency(PreparedRecords records, int i, int j, int level) => records.FamilyFrequency[i];

    public override string? Describe(PreparedRecords records, int i) => records.FamilyFull[i];
}
