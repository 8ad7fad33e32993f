namespace Tessera.Governance.Disclosure;

/// <summary>Uniform random integers: the one source of randomness the privacy mechanisms draw from.</summary>
public interface IUniformIntegers
{
    /// <summary>An integer drawn uniformly from 0 to <paramref name="bound"/> − 1.</summary>
    long Below(long bound);
}
