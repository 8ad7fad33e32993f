namespace Tessera.Metrics.Definitions;

/// <summary>
/// When after the anchor an outcome counts: days <see cref="FromDays"/>–<see cref="ToDays"/>
/// (e.g. 1–365 for "within a year"), or the <see cref="QuarterAfter"/>th calendar quarter after the
/// anchor's quarter (WIOA's "2nd quarter after exit"). Rows whose window has not closed by the
/// data's end are left out of the denominator, so recent rows never look like failures.
/// </summary>
public sealed class WindowDefinition
{
    /// <summary>First day of the window, counted from the anchor (0 = the anchor day).</summary>
    public int FromDays { get; set; }

    /// <summary>Last day of the window.</summary>
    public int? ToDays { get; set; }

    /// <summary>The calendar quarter after the anchor's quarter, 1–8.</summary>
    public int? QuarterAfter { get; set; }
}
