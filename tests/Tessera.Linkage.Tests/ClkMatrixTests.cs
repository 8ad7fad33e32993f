using System.Numerics;
using System.Text.Json;
using Tessera.Linkage.Encodings;
using Tessera.Tests;

namespace Tessera.Linkage.Tests;

/// <summary>The bulk Dice scan against the plain definition, on the anonlink tutorial's golden CLKs.</summary>
public sealed class ClkMatrixTests
{
    [Fact]
    public void The_pairs_the_scan_finds_are_exactly_those_whose_dice_reaches_the_threshold()
    {
        var (one, two) = (Golden(1).Take(700).ToList(), Golden(2).Take(700).ToList());
        var (left, right) = (ClkMatrix.Of(one), ClkMatrix.Of(two));

        var found = left.PairsAtLeast(right, 0.8);

        // Dice by its definition, 2·|A∩B| / (|A| + |B|), bit by bit.
        static double Dice(byte[] a, byte[] b) => 2.0 * a.Zip(b).Sum(x => BitOperations.PopCount((uint)(x.First & x.Second))) / (a.Sum(x => BitOperations.PopCount((uint)x)) + b.Sum(x => BitOperations.PopCount((uint)x)));
        var expected = one.SelectMany((a, i) => two.Select((b, j) => (i, j, Dice(a, b)))).Where(p => p.Item3 >= 0.8).ToList();
        Assert.True(expected.Count > 100, $"{expected.Count} pairs");
        Assert.Equal(expected.Select(p => (p.i, p.j)), found.Select(p => (p.Left, p.Right)));
        Assert.All(found, p => Assert.Equal(Dice(one[p.Left], two[p.Right]), p.Dice, 12));
        Assert.Equal(expected.Count, left.CountAtLeast(right, 0.8));
        Assert.Equal(Dice(one[3], two[5]), left.Dice(3, right, 5), 12);
    }

    [Fact]
    public void Filters_of_different_lengths_are_not_compared()
    {
        var (short_, long_) = (ClkMatrix.Of([new byte[64]]), ClkMatrix.Of([new byte[128]]));
        Assert.Contains("different schemas", Assert.Throws<ArgumentException>(() => short_.PairsAtLeast(long_, 0.8)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ClkMatrix.Of([new byte[128], new byte[64]]));
    }

    private static List<byte[]> Golden(int dataset)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.Linkage, "anonlink_tutorial_multiparty", $"golden_clks_clkhash0.18.3_secret-secret_dataset-{dataset}.json")));
        return [.. json.RootElement.GetProperty("clks").EnumerateArray().Select(c => Convert.FromBase64String(c.GetString()!))];
    }
}
