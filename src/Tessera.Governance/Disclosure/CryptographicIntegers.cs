using System.Security.Cryptography;

namespace Tessera.Governance.Disclosure;

/// <summary>
/// Uniform integers from the operating system's cryptographic random source, without modulo bias
/// (rejection sampling): what published noise must come from, so nobody can predict or replay it.
/// </summary>
public sealed class CryptographicIntegers : IUniformIntegers
{
    /// <summary>The shared instance (the underlying source is thread-safe).</summary>
    public static CryptographicIntegers Shared { get; } = new();

    /// <inheritdoc />
    public long Below(long bound)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bound, 1);
        if (bound <= int.MaxValue)
        {
            return RandomNumberGenerator.GetInt32((int)bound);
        }

        // Draw 63 random bits; reject the top partial range so every value is equally likely.
        var limit = long.MaxValue - (long.MaxValue % bound);
        Span<byte> bytes = stackalloc byte[8];
        while (true)
        {
            RandomNumberGenerator.Fill(bytes);
            var value = BitConverter.ToInt64(bytes) & long.MaxValue;
            if (value < limit)
            {
                return value % bound;
            }
        }
    }
}
