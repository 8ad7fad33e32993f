namespace Tessera.Storage.Contracting;

/// <summary>The clients who left in one period, and what became of them.</summary>
/// <param name="PeriodStart">The exit period's first day.</param>
/// <param name="PeriodEnd">Its last day.</param>
/// <param name="Numerator">How many had the outcome; null when hidden or not a count.</param>
/// <param name="Denominator">How many left; null when hidden.</param>
/// <param name="Value">The figure; null when hidden.</param>
/// <param name="Hidden">True when small-cell suppression hides the cohort.</param>
public sealed record PostExitCohort(DateOnly PeriodStart, DateOnly PeriodEnd, long? Numerator, long? Denominator, double? Value, bool Hidden);
