using Tessera.Contracts.Benchmarks;

namespace Tessera.Contracts.Tests;

/// <summary>Indirect standardisation worked out by hand.</summary>
public class ClientMixTests
{
    [Fact]
    public void Equal_providers_with_different_mixes_differ_raw_and_match_adjusted()
    {
        // Both providers complete 70% of easy cases and 30% of hard ones. A: 80 easy, 20 hard → 56 + 6 = 62 of 100.
        // B: 20 easy, 80 hard → 14 + 24 = 38 of 100. Program: easy 70/100 = 0.7, hard 30/100 = 0.3, overall 100/200 = 0.5.
        // Expected A = 80 × 0.7 + 20 × 0.3 = 62 → adjusted 62/62 × 0.5 = 0.5; B = 20 × 0.7 + 80 × 0.3 = 38 → 0.5.
        var rates = ClientMix.Standardise([("A", "easy", 80, 56), ("A", "hard", 20, 6), ("B", "easy", 20, 14), ("B", "hard", 80, 24)]);

        Assert.Equal((0.62, 0.38), (rates[0].Raw, rates[1].Raw));
        Assert.Equal(62, rates[0].Expected, 9);
        Assert.Equal(38, rates[1].Expected, 9);
        Assert.Equal(0.5, rates[0].Adjusted, 9);
        Assert.Equal(0.5, rates[1].Adjusted, 9);
    }

    [Fact]
    public void A_better_provider_stays_better_after_adjustment()
    {
        // A: easy 50 of 60, hard 20 of 40 (70 of 100); B: easy 20 of 40, hard 10 of 60 (30 of 100).
        // Strata: easy 70/100 = 0.7, hard 30/100 = 0.3; overall 0.5.
        // Expected A = 60 × 0.7 + 40 × 0.3 = 54 → 70/54 × 0.5 = 0.648148; B = 40 × 0.7 + 60 × 0.3 = 46 → 30/46 × 0.5 = 0.326087.
        var rates = ClientMix.Standardise([("A", "easy", 60, 50), ("A", "hard", 40, 20), ("B", "easy", 40, 20), ("B", "hard", 60, 10)]);

        Assert.Equal(0.648148, Math.Round(rates[0].Adjusted, 6));
        Assert.Equal(0.326087, Math.Round(rates[1].Adjusted, 6));
    }
}
