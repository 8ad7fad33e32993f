namespace Tessera.Governance.Disclosure;

/// <summary>
/// One published cell of a table of counts: a breakdown's value in a period, or the period's total
/// (<see cref="Dimension"/> "all"). Cells of one dimension in one period add up to the total, which
/// is what an attacker can use to recover a hidden cell — and what suppression guards against.
/// </summary>
/// <param name="Dimension">"all" for the total, or the breakdown's name (e.g. "provider_id").</param>
/// <param name="Group">The breakdown's value (e.g. "WF01"); "all" for the total.</param>
/// <param name="Period">The period, e.g. "2024-01-01".</param>
/// <param name="Numerator">The numerator count, or null when the table has none.</param>
/// <param name="Denominator">The denominator count, or null when the table has none.</param>
public sealed record Figure(string Dimension, string Group, string Period, long? Numerator, long? Denominator)
{
    /// <summary>True for a period's total.</summary>
    public bool IsTotal => Dimension == "all";
}
