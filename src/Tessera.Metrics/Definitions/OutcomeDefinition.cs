namespace Tessera.Metrics.Definitions;

/// <summary>
/// The outcome event: rows of a file (of any source — persons are matched through the linkage
/// index) dated within a window after the population row's anchor.
/// </summary>
public sealed class OutcomeDefinition : RowSelection
{
    /// <summary>The event's date field; or, for quarterly records, see <see cref="Year"/> and <see cref="Quarter"/>.</summary>
    public string? Date { get; set; }

    /// <summary>For quarterly records (UI wages): the field holding the calendar year.</summary>
    public string? Year { get; set; }

    /// <summary>For quarterly records: the field holding the quarter (1–4).</summary>
    public string? Quarter { get; set; }

    /// <summary>"person" (default): the outcome is the same person's; "family": the person's or a family member's.</summary>
    public string Whose { get; set; } = "person";

    /// <summary>Match on a key instead of the person: the population field and the outcome field that must be equal (e.g. a referral id).</summary>
    public KeyMatchDefinition? MatchOn { get; set; }

    /// <summary>
    /// A numeric field of the outcome summed over the outcome rows in the window — what mean, median
    /// and sum then summarise among rows with an outcome (WIOA's median earnings: wages in the 2nd
    /// quarter after exit, over all employers).
    /// </summary>
    public string? Measure { get; set; }

    /// <summary>When after the anchor the event must fall.</summary>
    public WindowDefinition Window { get; set; } = new();
}
