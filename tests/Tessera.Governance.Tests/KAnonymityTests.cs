using System.Globalization;
using Tessera.Governance.Releases;

namespace Tessera.Governance.Tests;

/// <summary>
/// k-anonymity by full-domain generalisation with a suppression limit: every class of the kept rows
/// holds at least k (counted class by class), no more rows are suppressed than allowed, no node one
/// step less general meets k with less loss, and data that is k-anonymous already stays as it is.
/// </summary>
public sealed class KAnonymityTests
{
    private static readonly Hierarchy[] Hierarchies =
    [
        Hierarchy.Bands("birth_year", 5, 10, 20),
        Hierarchy.Prefix("zip3", 2, 1),
        Hierarchy.KeepOrHide("sex"),
        Hierarchy.Groups("race", new Dictionary<string, string> { ["ASIAN"] = "ASIAN OR PACIFIC ISLANDER", ["PACIFIC ISLANDER"] = "ASIAN OR PACIFIC ISLANDER", ["AMERICAN INDIAN"] = "OTHER", ["TWO OR MORE"] = "OTHER" }),
    ];

    private static List<IReadOnlyList<string>> People(int count, int seed)
    {
        var random = new Random(seed);
        string[] zips = ["606", "607", "608", "601", "030"];
        string[] races = ["WHITE", "WHITE", "WHITE", "BLACK", "BLACK", "ASIAN", "AMERICAN INDIAN", "PACIFIC ISLANDER", "TWO OR MORE"];
        return [.. Enumerable.Range(0, count).Select(_ => (IReadOnlyList<string>)[
            random.Next(1940, 2006).ToString(CultureInfo.InvariantCulture), zips[random.Next(zips.Length)], random.Next(2) == 0 ? "F" : "M", races[random.Next(races.Length)]])];
    }

    [Theory]
    [InlineData(400, 11)]
    [InlineData(2_000, 11)]
    [InlineData(2_000, 25)]
    public void Every_class_of_the_kept_rows_holds_at_least_k(int count, int k)
    {
        var rows = People(count, count + k);

        var release = KAnonymity.Apply(rows, Hierarchies, k, maxSuppressedShare: 0.02);

        var kept = release.Rows.Where((_, i) => !release.Suppressed.Contains(i)).ToList();
        var sizes = KAnonymity.ClassSizes(kept);
        Assert.All(sizes, size => Assert.True(size >= k, $"a class of {size}"));
        Assert.Equal(release.Classes, sizes.Count);
        Assert.True(release.Suppressed.Count <= 0.02 * count, $"{release.Suppressed.Count} suppressed");
        Assert.Equal(count, kept.Count + release.Suppressed.Count);
        Assert.InRange(release.Loss, 0.0001, 1.02);
    }

    [Fact]
    public void No_node_one_step_less_general_meets_k_with_less_loss()
    {
        var rows = People(1_500, 3);
        var limit = (int)Math.Floor(0.02 * rows.Count);

        var release = KAnonymity.Apply(rows, Hierarchies);

        for (var q = 0; q < Hierarchies.Length; q++)
        {
            if (release.Levels[q] == 0)
            {
                continue;
            }

            var lower = release.Levels.ToArray();
            lower[q]--;
            var (_, suppressed) = KAnonymity.Evaluate(rows, Hierarchies, lower, KAnonymity.DefaultK);
            Assert.True(suppressed.Count > limit || KAnonymity.Loss(Hierarchies, lower, suppressed.Count, rows.Count) >= release.Loss,
                $"levels {string.Join(",", lower)} suppress {suppressed.Count} and lose less than {string.Join(",", release.Levels)}");
        }
    }

    [Fact]
    public void Data_that_is_k_anonymous_already_stays_as_it_is()
    {
        var rows = Enumerable.Range(0, 44).Select(i => (IReadOnlyList<string>)["1980", "606", i % 2 == 0 ? "F" : "M", i % 4 < 2 ? "WHITE" : "BLACK"]).ToList();

        var release = KAnonymity.Apply(rows, Hierarchies);

        Assert.Equal([0, 0, 0, 0], release.Levels);
        Assert.Empty(release.Suppressed);
        Assert.Equal(0, release.Loss);
        Assert.Equal(rows, release.Rows);
    }

    [Fact]
    public void Hierarchies_generalise_level_by_level_to_nothing()
    {
        Assert.Equal(["1987", "1985-1989", "1980-1989", "1980-1999", "*"], Enumerable.Range(0, 5).Select(l => Hierarchies[0].Generalise("1987", l)));
        Assert.Equal(["60614", "606**", "6****", "*"], Enumerable.Range(0, 4).Select(l => Hierarchy.Prefix("zip", 3, 1).Generalise("60614", l)));
        Assert.Equal(["PACIFIC ISLANDER", "ASIAN OR PACIFIC ISLANDER", "*"], Enumerable.Range(0, 3).Select(l => Hierarchies[3].Generalise("PACIFIC ISLANDER", l)));
        Assert.Equal("90 or older", Hierarchies[0].Generalise("90 or older", 2));
    }

    [Fact]
    public void A_class_counts_people_not_rows()
    {
        // Twelve rows of one class, but only three people: not k-anonymous until generalised with the others.
        var rows = Enumerable.Range(0, 12).Select(i => (IReadOnlyList<string>)["1987", "606", "F", "WHITE"])
            .Concat(Enumerable.Range(0, 30).Select(i => (IReadOnlyList<string>)["1950", "606", "M", "WHITE"])).ToList();
        var owners = Enumerable.Range(0, 12).Select(i => "p" + (i % 3)).Concat(Enumerable.Range(0, 30).Select(i => "q" + i)).ToList();

        Assert.Empty(KAnonymity.Evaluate(rows, Hierarchies, [0, 0, 0, 0], KAnonymity.DefaultK).Suppressed);
        Assert.Equal(12, KAnonymity.Evaluate(rows, Hierarchies, [0, 0, 0, 0], KAnonymity.DefaultK, owners).Suppressed.Count);
        var release = KAnonymity.Apply(rows, Hierarchies, owners: owners);
        Assert.NotEqual([0, 0, 0, 0], release.Levels);
        Assert.Equal("every node of the generalisation lattice", release.Search);
    }

    [Fact]
    public void A_lattice_too_large_for_every_node_is_made_k_anonymous_by_Datafly()
    {
        // Fourteen yes/no columns (16,384 nodes) over 600 random rows: Datafly, then classes of 11 or more.
        var random = new Random(7);
        var flags = Enumerable.Range(0, 14).Select(i => Hierarchy.KeepOrHide("flag" + i)).ToList();
        var rows = Enumerable.Range(0, 600).Select(_ => (IReadOnlyList<string>)[.. flags.Select(_ => random.Next(4) == 0 ? "1" : "0")]).ToList();

        var release = KAnonymity.Apply(rows, flags);

        Assert.StartsWith("Datafly", release.Search, StringComparison.Ordinal);
        Assert.True(release.Suppressed.Count <= 12);
        Assert.True(KAnonymity.ClassSizes(release.Rows.Where((_, i) => !release.Suppressed.Contains(i))).Min() >= KAnonymity.DefaultK);
        Assert.Contains(0, release.Levels); // not everything hidden: the undoing kept some columns
    }
}
