namespace Tessera.Governance.Disclosure;

/// <summary>Why a cell is hidden.</summary>
public enum Suppression
{
    /// <summary>Shown.</summary>
    None,

    /// <summary>Its own count (or the count it implies, denominator minus numerator) is 1 to 10.</summary>
    SmallCell,

    /// <summary>Hidden so that a small cell in the same row cannot be recovered from the total.</summary>
    Complementary,
}
