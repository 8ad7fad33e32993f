namespace Tessera.Intake.Dictionaries;

/// <summary>
/// A field that names a row of another file, e.g. HMIS <c>Enrollment.PersonalID</c> → <c>Client</c>.
/// The referenced row may come in the same delivery or an earlier one (HMIS deltas only carry
/// what changed).
/// </summary>
public sealed class ReferenceDefinition
{
    /// <summary>Fields of this file that hold the reference.</summary>
    public List<string> Fields { get; set; } = [];

    /// <summary>The referenced file.</summary>
    public string File { get; set; } = "";

    /// <summary>Fields of the referenced file; default its primary key.</summary>
    public List<string> To { get; set; } = [];

    /// <summary>
    /// What a reference to a row that has not arrived does: "reject" (default) rejects the
    /// delivery; "quarantine" quarantines the row; "report" keeps the row and counts it in the
    /// quality profile, for sources whose late entries legitimately arrive before what they name.
    /// </summary>
    public string OnMissing { get; set; } = "reject";
}
