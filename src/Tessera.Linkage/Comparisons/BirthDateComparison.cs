using System.Runtime.CompilerServices;
using System.Globalization;
using Tessera.Linkage.Records;
using Tessera.Linkage.Standardisation;

namespace Tessera.Linkage.Comparisons;

/// <summary>
/// Birth dates: exact; day and month swapped (03/07 for 07/03); one digit mistyped or two
/// neighbours swapped; the same year where one date is only a year or an estimate; within a
/// year; within ten years; further apart (a parent and a child of the same name).
/// </summary>
/// <remarks>
/// An estimated birth date is by convention 1 January of the estimated year (child welfare's
/// caseworkers record one for a child or parent whose papers are missing, and flag it). Against
/// the person's true date it falls "within a year" — a level whose weight is set by typos of
/// real dates, rare among matches, so the estimate counted against the link. On its own level
/// the pair is judged by how often an estimate and a real date of one year belong to one person.
/// </remarks>
internal sealed class BirthDateComparison : Comparison
{
    public override string Name => "birth_date";

    public override StandardColumn[] Columns => [StandardColumn.BirthDate];

    public override ComparisonLevel[] Levels { get; } =
    [
        new("exact"),
        new("day and month swapped"),
        new("one digit different"),
        new("the same year, one only a year or an estimate (1 January)"),
        new("within a year"),
        new("within ten years"),
        new("more than ten years apart"),
    ];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int Compare(PreparedRecords records, int i, int j) => Level(records.BirthDate[i], records.BirthDate[j]);

    /// <summary>
    /// True when two birth dates can belong to one person: equal, day and month swapped, one digit
    /// apart, or either is only partly known or an estimate (1 January). Two full dates further
    /// apart mean two people however alike their names.
    /// </summary>
    public static bool Compatible(int a, int b) =>
        Level(a, b) <= 2 || BirthDateParser.Day(a) == 0 || BirthDateParser.Day(b) == 0 || a % 10000 == 101 || b % 10000 == 101;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Level(int a, int b)
    {
        if (a == 0 || b == 0)
        {
            return Null;
        }

        if (a == b)
        {
            return 0;
        }

        var dayA = BirthDateParser.Day(a);
        var dayB = BirthDateParser.Day(b);
        if (dayA == 0 || dayB == 0)
        {
            return BirthDateParser.Year(a) == BirthDateParser.Year(b) ? 3 : Math.Abs(BirthDateParser.Year(a) - BirthDateParser.Year(b)) <= 10 ? 5 : 6;
        }

        var monthA = BirthDateParser.Month(a);
        var monthB = BirthDateParser.Month(b);
        if (BirthDateParser.Year(a) == BirthDateParser.Year(b) && dayA == monthB && monthA == dayB)
        {
            return 1;
        }

        if (OneDigitApart(a, b))
        {
            return 2;
        }

        if ((a % 10000 == 101 || b % 10000 == 101) && BirthDateParser.Year(a) == BirthDateParser.Year(b))
        {
            return 3;
        }

        if (BirthDateParser.IsValid(a) && BirthDateParser.IsValid(b) && Math.Abs(BirthDateParser.DayNumber(a) - BirthDateParser.DayNumber(b)) <= 366)
        {
            return 4;
        }

        // A generation apart is a parent and child, not a typo; a few years apart may still be a mistake.
        return Math.Abs(BirthDateParser.Year(a) - BirthDateParser.Year(b)) <= 10 ? 5 : 6;
    }

    /// <summary>True when the eight digits yyyymmdd differ in one place, or in two neighbouring places that are swapped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool OneDigitApart(int a, int b)
    {
        Span<int> x = stackalloc int[8];
        Span<int> y = stackalloc int[8];
        for (var p = 7; p >= 0; p--)
        {
            x[p] = a % 10;
            y[p] = b % 10;
            a /= 10;
            b /= 10;
        }

        var first = -1;
        var differences = 0;
        for (var p = 0; p < 8; p++)
        {
            if (x[p] != y[p])
            {
                first = differences == 0 ? p : first;
                differences++;
            }
        }

        return differences == 1
            || (differences == 2 && first < 7 && x[first + 1] != y[first + 1] && x[first] == y[first + 1] && x[first + 1] == y[first]);
    }

    public override string? Describe(PreparedRecords records, int i) =>
        records.BirthDate[i] is var date and > 0 ? string.Create(CultureInfo.InvariantCulture, $"{BirthDateParser.Year(date):0000}-{BirthDateParser.Month(date):00}-{BirthDateParser.Day(date):00}") : null;
}
