namespace Tessera.Synthetic.Randomness;

/// <summary>
/// A keyed bijection on [0, 2^bits) (a four-round Feistel network). Why: agency record numbers
/// must be unique, must not reveal which household or person they belong to (or linkage could
/// cheat by reading them), and must be computable inside one household without coordinating
/// with the rest of the county, so generation can run in parallel.
/// </summary>
internal sealed class IdScrambler
{
    private readonly int _halfBits;
    private readonly ulong _mask;
    private readonly ulong[] _keys;

    public IdScrambler(long seed, string purpose, int bits)
    {
        if (bits is < 8 or > 62 || bits % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), "Use an even bit count from 8 to 62.");
        }

        _halfBits = bits / 2;
        _mask = (1UL << _halfBits) - 1;
        var rng = Rng.For(seed, Rng.Stream.Household, StableHash(purpose));
        _keys = [rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64()];
        MaxValue = (1UL << bits) - 1;
    }

    public ulong MaxValue { get; }

    public ulong Scramble(ulong value)
    {
        if (value > MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Value exceeds the scrambler's domain.");
        }

        var left = value >> _halfBits;
        var right = value & _mask;
        foreach (var key in _keys)
        {
            var next = left ^ (Round(right, key) & _mask);
            left = right;
            right = next;
        }

        return (left << _halfBits) | right;
    }

    private static ulong Round(ulong x, ulong key)
    {
        var z = (x + key) * 0x9E3779B97F4A7C15UL;
        z ^= z >> 29;
        z *= 0xBF58476D1CE4E5B9UL;
        return z ^ (z >> 32);
    }

    private static long StableHash(string text)
    {
        var h = 1469598103934665603UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return (long)(h & long.MaxValue);
    }
}
