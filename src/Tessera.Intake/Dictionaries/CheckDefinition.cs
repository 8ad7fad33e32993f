namespace Tessera.Intake.Dictionaries;

/// <summary>
/// A consistency condition counted in every delivery's quality profile (not quarantined: HUD's
/// reports, for example, are defined over rows with an exit before the entry). Exactly one of
/// <see cref="Order"/>, <see cref="Missing"/> or <see cref="Value"/> is set.
/// </summary>
public sealed class CheckDefinition
{
    /// <summary>Short name, e.g. "exit_before_entry".</summary>
    public string Name { get; set; } = "";

    /// <summary>What a hit means, in plain language.</summary>
    public string Description { get; set; } = "";

    /// <summary>
    /// Two date fields that must be in order, e.g. <c>[Enrollment.EntryDate, ExitDate]</c>: a hit
    /// is a row where the second is before the first. A field of another file is reached through
    /// this file's reference to it.
    /// </summary>
    public List<string> Order { get; set; } = [];

    /// <summary>A field whose missing values are counted, e.g. "DOB".</summary>
    public string? Missing { get; set; }

    /// <summary>A field and the values counted, e.g. <c>{ field: SSNDataQuality, in: ["99"] }</c>.</summary>
    public ValueCheck? Value { get; set; }
}
