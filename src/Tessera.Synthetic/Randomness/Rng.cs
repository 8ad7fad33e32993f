namespace Tessera.Synthetic.Randomness;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Why not <see cref="Random"/>: its seeded algorithm is
/// an implementation detail that may change between .NET versions, and the synthetic county must
/// be byte-identical for a seed forever. Each household gets its own stream (seed, purpose, index),
/// so households can be generated in parallel in any order with the same result.
/// </summary>
internal sealed class Rng
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    private Rng(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    /// <summary>An independent stream for one (seed, purpose, index) triple.</summary>
    public static Rng For(long seed, Stream purpose, long index)
    {
        var mixed = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL);
        mixed ^= unchecked((ulong)purpose * 0xBF58476D1CE4E5B9UL);
        mixed = SplitMix(ref mixed) ^ unchecked((ulong)index * 0x94D049BB133111EBUL);
        return new Rng(mixed);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)((NextUInt64() >> 32) * (ulong)maxExclusive >> 32);
    }

    /// <summary>Uniform integer in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Standard normal deviate (Box–Muller).</summary>
    public double Normal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A day uniformly in [<paramref name="from"/>, <paramref name="toExclusive"/>).</summary>
    public DateOnly Day(DateOnly from, DateOnly toExclusive)
    {
        var span = toExclusive.DayNumber - from.DayNumber;
        return span <= 0 ? from : DateOnly.FromDayNumber(from.DayNumber + Next(span));
    }

    /// <summary>Index drawn with probability proportional to <paramref name="weights"/>.</summary>
    public int Weighted(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var x = NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>What a stream is for; keeps streams independent when a new purpose is added.</summary>
    public enum Stream
    {
        HouseholdSize = 1,
        Household = 2,
        Benefits = 3,
        ChildCare = 4,
        ChildWelfare = 5,
        Homelessness = 6,
        Workforce = 7,
        Wages = 8,
        Corrections = 9,
        ProviderServices = 10,
        ChildWelfareRisk = 11,
    }
}
