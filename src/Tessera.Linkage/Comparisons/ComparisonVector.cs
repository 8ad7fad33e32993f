using System.Runtime.CompilerServices;
namespace Tessera.Linkage.Comparisons;

/// <summary>
/// The levels of all comparisons for one pair packed into 64 bits, four per comparison (15 is
/// <see cref="Comparison.Null"/>). Equal vectors share their weight, so training works on the
/// distinct vectors and their counts rather than on millions of pairs.
/// </summary>
internal static class ComparisonVector
{
    /// <summary>Most comparisons one model may hold.</summary>
    public const int MaxComparisons = 16;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Compute(Comparison[] comparisons, Records.PreparedRecords records, int i, int j)
    {
        ulong vector = 0;
        for (var k = 0; k < comparisons.Length; k++)
        {
            vector |= (ulong)comparisons[k].Compare(records, i, j) << (4 * k);
        }

        return vector;
    }

    public static int Level(ulong vector, int comparison) => (int)((vector >> (4 * comparison)) & 0xF);

    /// <summary>How many of the first <paramref name="comparisons"/> comparisons had values on both sides.</summary>
    public static byte Present(ulong vector, int comparisons)
    {
        byte present = 0;
        for (var k = 0; k < comparisons; k++)
        {
            present += Level(vector, k) == Comparison.Null ? (byte)0 : (byte)1;
        }

        return present;
    }
}
