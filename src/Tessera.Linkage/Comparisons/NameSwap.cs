using System.Runtime.CompilerServices;
using Tessera.Linkage.Records;

namespace Tessera.Linkage.Comparisons;

/// <summary>
/// Detects given and family name written in each other's field ("Smith, Scarlett" typed into
/// given, family): each record's given name is, to within a typo, the other's family name (or
/// that other name is missing). One cross-match alone is no swap: "James Dixon" and "Isaac
/// James" share a word, not a person.
/// </summary>
internal static class NameSwap
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Swapped(PreparedRecords records, int i, int j)
    {
        string? givenA = records.GivenFull[i], familyA = records.FamilyFull[i], givenB = records.GivenFull[j], familyB = records.FamilyFull[j];
        var givenToFamily = Close(givenA, familyB);
        var familyToGiven = Close(familyA, givenB);
        return (givenToFamily && (familyToGiven || familyA is null || givenB is null))
            || (familyToGiven && (givenA is null || familyB is null));
    }

    private static bool Close(string? a, string? b) =>
        a is not null && b is not null && a.Length > 1 && b.Length > 1 && (a[0] == b[0] || a[1] == b[1]) && StringSimilarity.JaroWinklerAtLeast(a, b, 0.92) > 0;
}
