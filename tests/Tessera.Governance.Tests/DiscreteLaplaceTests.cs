using MathNet.Numerics.Distributions;
using Tessera.Governance.Disclosure;

namespace Tessera.Governance.Tests;

/// <summary>
/// The exact discrete Laplace sampler (Canonne, Kamath and Steinke 2020) draws what the
/// distribution says: a chi-square goodness-of-fit test on 200,000 draws from a seeded source, and
/// the mean and variance of draws from the cryptographic source against the closed forms.
/// </summary>
public sealed class DiscreteLaplaceTests
{
    private sealed class Seeded(int seed) : IUniformIntegers
    {
        private readonly Random _random = new(seed);

        public long Below(long bound) => _random.NextInt64(bound);
    }

    [Theory]
    [InlineData(5, 2)]   // scale 2.5: a count with sensitivity 1 at ε = 0.4
    [InlineData(1, 1)]   // scale 1: ε = 1
    [InlineData(10, 1)]  // scale 10: ε = 0.1
    public void Draws_fit_the_discrete_Laplace_distribution(long numerator, long denominator)
    {
        var noise = new DiscreteLaplace(numerator, denominator, new Seeded(20201104));
        const int draws = 200_000;
        var counts = new Dictionary<long, int>();
        for (var i = 0; i < draws; i++)
        {
            var x = noise.Sample();
            counts[x] = counts.GetValueOrDefault(x) + 1;
        }

        // Bins of |x| up to where about 50 draws are expected each; both tails beyond that merged.
        var edge = 0L;
        while (noise.Probability(edge + 1) * draws >= 50)
        {
            edge++;
        }

        var chi = 0.0;
        var bins = 0;
        for (var x = -edge; x <= edge; x++)
        {
            var expected = noise.Probability(x) * draws;
            chi += Math.Pow(counts.GetValueOrDefault(x) - expected, 2) / expected;
            bins++;
        }

        var tailExpected = (1 - Enumerable.Range((int)-edge, (int)(2 * edge) + 1).Sum(x => noise.Probability(x))) * draws;
        var tailObserved = counts.Where(c => Math.Abs(c.Key) > edge).Sum(c => c.Value);
        chi += Math.Pow(tailObserved - tailExpected, 2) / tailExpected;
        bins++;

        var critical = ChiSquared.InvCDF(bins - 1, 0.999);
        Assert.True(chi < critical, $"chi-square {chi:0.0} over {bins} bins, critical value at 0.1% {critical:0.0}");
    }

    [Fact]
    public void Draws_from_the_cryptographic_source_have_the_distributions_mean_and_variance()
    {
        var noise = new DiscreteLaplace(3, 1);
        const int draws = 50_000;
        var samples = Enumerable.Range(0, draws).Select(_ => (double)noise.Sample()).ToList();
        var mean = samples.Average();
        var variance = samples.Sum(x => (x - mean) * (x - mean)) / (draws - 1);

        Assert.InRange(mean, -5 * Math.Sqrt(noise.Variance / draws), 5 * Math.Sqrt(noise.Variance / draws));
        Assert.InRange(variance / noise.Variance, 0.95, 1.05);
        Assert.Equal(17.83, noise.Variance, 2); // 2e^(−1/3) / (1 − e^(−1/3))²
    }

    [Fact]
    public void The_cryptographic_source_is_uniform_and_within_bounds()
    {
        var random = CryptographicIntegers.Shared;
        var counts = new int[6];
        for (var i = 0; i < 60_000; i++)
        {
            counts[random.Below(6)]++;
        }

        var chi = counts.Sum(c => Math.Pow(c - 10_000, 2) / 10_000);
        Assert.True(chi < ChiSquared.InvCDF(5, 0.999), $"chi-square {chi:0.0}");
        Assert.All(Enumerable.Range(0, 1000).Select(_ => random.Below(3_000_000_000L)), x => Assert.InRange(x, 0, 2_999_999_999L));
    }
}
