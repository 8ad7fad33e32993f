namespace Tessera.Governance.Disclosure;

/// <summary>
/// The discrete Laplace mechanism's noise: an integer X with P(X = x) ∝ exp(−|x|/τ) for the scale
/// τ = <c>numerator</c>/<c>denominator</c>, drawn exactly with integer arithmetic only — the
/// sampler of Canonne, Kamath and Steinke (2020, "The discrete Gaussian for differential privacy",
/// Algorithms 1 and 2). No floating point, so no rounding artefacts an attacker could use (Mironov
/// 2012). A count with sensitivity Δ published with ε-differential privacy adds noise of scale Δ/ε.
/// </summary>
public sealed class DiscreteLaplace
{
    private readonly long _t;
    private readonly long _s;
    private readonly IUniformIntegers _random;

    /// <summary>Noise of scale <paramref name="numerator"/>/<paramref name="denominator"/>, drawn from <paramref name="random"/> (the cryptographic source when not given).</summary>
    public DiscreteLaplace(long numerator, long denominator, IUniformIntegers? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numerator, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(denominator, 1);
        _t = numerator;
        _s = denominator;
        _random = random ?? CryptographicIntegers.Shared;
    }

    /// <summary>The scale τ.</summary>
    public double Scale => (double)_t / _s;

    /// <summary>The probability of <paramref name="x"/>: (1 − e^(−1/τ)) / (1 + e^(−1/τ)) · e^(−|x|/τ).</summary>
    public double Probability(long x)
    {
        var q = Math.Exp(-1 / Scale);
        return (1 - q) / (1 + q) * Math.Pow(q, Math.Abs(x));
    }

    /// <summary>The variance: 2e^(−1/τ) / (1 − e^(−1/τ))².</summary>
    public double Variance
    {
        get
        {
            var q = Math.Exp(-1 / Scale);
            return 2 * q / ((1 - q) * (1 - q));
        }
    }

    /// <summary>One draw (Algorithm 2).</summary>
    public long Sample()
    {
        while (true)
        {
            var u = _random.Below(_t);
            if (!BernoulliExp(u, _t))
            {
                continue;
            }

            long v = 0;
            while (BernoulliExp(1, 1))
            {
                v++;
            }

            var y = checked(u + (_t * v)) / _s;
            var negative = _random.Below(2) == 1;
            if (negative && y == 0)
            {
                continue;
            }

            return negative ? -y : y;
        }
    }

    // True with probability exp(−n/d) (Algorithm 1), for n ≥ 0, d ≥ 1.
    private bool BernoulliExp(long n, long d)
    {
        while (n > d)
        {
            if (!BernoulliExp(1, 1))
            {
                return false;
            }

            n -= d;
        }

        // 0 ≤ n/d ≤ 1: K is the first k with Bernoulli(γ/k) = 0; the answer is whether K is odd.
        long k = 1;
        while (Bernoulli(n, checked(d * k)))
        {
            k++;
        }

        return k % 2 == 1;
    }

    private bool Bernoulli(long n, long d) => _random.Below(d) < n;
}
