namespace Tessera.Metrics.Definitions;

/// <summary>
/// An event that takes a population row out of the denominator when the same person has it
/// within a window around the anchor — e.g. WIOA's exits for institutionalisation or death, or a
/// release followed within 30 days by a new admission (a transfer, not a release):
/// <c>{ source: corrections, file: releases, date: admission_date, window: { from_days: 0, to_days: 30 } }</c>.
/// </summary>
public class ExclusionDefinition : RowSelection
{
    /// <summary>The event's date field.</summary>
    public string Date { get; set; } = "";

    /// <summary>When around the anchor the event excludes the row; days may be negative (before the anchor).</summary>
    public WindowDefinition Window { get; set; } = new();
}
