namespace Tessera.Storage.Linking;

/// <summary>
/// A reviewer's decision about two records, kept for good and applied by every later linkage run:
/// <c>match</c> joins them, <c>non_match</c> keeps them apart (a manual split is recorded as
/// <c>non_match</c> between the records on either side).
/// </summary>
/// <param name="Id">Decision number.</param>
/// <param name="LeftRecord">Record key (source/file/id in the source).</param>
/// <param name="RightRecord">Record key.</param>
/// <param name="Decision"><c>match</c> or <c>non_match</c>.</param>
/// <param name="Reviewer">Who decided.</param>
/// <param name="DecidedUtc">When.</param>
/// <param name="Note">Why, in the reviewer's words (no identifiers).</param>
public sealed record LinkDecision(long Id, string LeftRecord, string RightRecord, string Decision, string Reviewer, DateTime DecidedUtc, string Note)
{
    /// <summary>The decision that two records are the same person.</summary>
    public const string Match = "match";

    /// <summary>The decision that two records are different persons.</summary>
    public const string NonMatch = "non_match";
}
