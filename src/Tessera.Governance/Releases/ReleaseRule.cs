namespace Tessera.Governance.Releases;

/// <summary>What a release does with one identifier.</summary>
public enum ReleaseRule
{
    /// <summary>The column is left out.</summary>
    Remove,

    /// <summary>Only the year is kept (birth years of people 90 or older grouped).</summary>
    YearOnly,

    /// <summary>The first three ZIP digits, or 000 for an area of 20,000 people or fewer.</summary>
    Zip3,

    /// <summary>Ages over 89 shown as "90 or older".</summary>
    AgeGrouped,

    /// <summary>Kept as it is (a limited data set's dates, city and ZIP code).</summary>
    Keep,
}
