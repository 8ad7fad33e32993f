namespace Tessera.Intake.Dictionaries;

/// <summary>
/// An event a row records, in the vocabulary metrics use: a type, a date, optionally an end
/// date and the provider responsible. Example: a workforce enrolment row records an
/// <c>enrollment</c> on <c>enrollment_date</c> ending <c>exit_date</c> at <c>provider_id</c>.
/// </summary>
public sealed class EventDefinition
{
    /// <summary>Event type, e.g. "release" or "payment".</summary>
    public string Type { get; set; } = "";

    /// <summary>Field with the date the event happened.</summary>
    public string Date { get; set; } = "";

    /// <summary>Field with the date the event ended, if it spans time.</summary>
    public string? EndDate { get; set; }

    /// <summary>Field naming the provider responsible.</summary>
    public string? Provider { get; set; }

    /// <summary>Field with an amount (spending, wages).</summary>
    public string? Amount { get; set; }
}
