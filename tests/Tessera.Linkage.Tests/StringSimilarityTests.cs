using Tessera.Linkage.Comparisons;

namespace Tessera.Linkage.Tests;

public sealed class StringSimilarityTests
{
    [Theory]
    [InlineData("martha", "marhta", 0.961)]
    [InlineData("dwayne", "duane", 0.840)]
    [InlineData("dixon", "dicksonx", 0.813)]
    [InlineData("abc", "xyz", 0)]
    public void Jaro_winkler_gives_the_textbook_values(string a, string b, double expected)
    {
        Assert.Equal(expected, StringSimilarity.JaroWinkler(a, b), 3);
    }

    [Fact]
    public void Jaro_winkler_is_symmetric_and_one_only_for_equal_strings()
    {
        var random = new Random(7);
        for (var n = 0; n < 5000; n++)
        {
            var a = RandomWord(random);
            var b = random.Next(3) == 0 ? Mutate(random, a) : RandomWord(random);
            var similarity = StringSimilarity.JaroWinkler(a, b);
            Assert.Equal(similarity, StringSimilarity.JaroWinkler(b, a), 12);
            Assert.InRange(similarity, 0, 1);
            Assert.Equal(a == b, similarity == 1);
        }
    }

    [Fact]
    public void Bounded_jaro_winkler_never_rejects_a_pair_that_reaches_the_floor()
    {
        var random = new Random(11);
        foreach (var floor in new[] { 0.80, 0.88, 0.92 })
        {
            for (var n = 0; n < 5000; n++)
            {
                var a = RandomWord(random) + (random.Next(4) == 0 ? "@x.com" : string.Empty);
                var b = random.Next(2) == 0 ? Mutate(random, a) : RandomWord(random);
                var full = StringSimilarity.JaroWinkler(a, b);
                var bounded = StringSimilarity.JaroWinklerAtLeast(a, b, floor);
                Assert.Equal(full >= floor ? full : 0, bounded, 12);
            }
        }
    }

    [Theory]
    [InlineData("1984", "1948", 1)]
    [InlineData("smith", "smyth", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Damerau_levenshtein_counts_swaps_of_neighbours_as_one_edit(string a, string b, int expected)
    {
        Assert.Equal(expected, StringSimilarity.DamerauLevenshtein(a, b));
    }

    [Fact]
    public void Damerau_levenshtein_agrees_with_the_reference_library_and_respects_its_limit()
    {
        var reference = new F23.StringSimilarity.OptimalStringAlignment();
        var random = new Random(3);
        for (var n = 0; n < 5000; n++)
        {
            var a = RandomWord(random);
            var b = Mutate(random, Mutate(random, a));
            var expected = (int)reference.Distance(a, b);
            Assert.Equal(expected, StringSimilarity.DamerauLevenshtein(a, b));
            Assert.Equal(Math.Min(expected, 2), StringSimilarity.DamerauLevenshtein(a, b, 1));
        }
    }

    private static string RandomWord(Random random) =>
        new(Enumerable.Range(0, random.Next(1, 10)).Select(_ => (char)('a' + random.Next(8))).ToArray());

    private static string Mutate(Random random, string word)
    {
        if (word.Length == 0)
        {
            return "a";
        }

        var position = random.Next(word.Length);
        return random.Next(4) switch
        {
            0 => word.Remove(position, 1),
            1 => word.Insert(position, "e"),
            2 => word[..position] + 'z' + word[(position + 1)..],
            _ when word.Length > 1 && position < word.Length - 1 => word[..position] + word[position + 1] + word[position] + word[(position + 2)..],
            _ => word + "s",
        };
    }
}
