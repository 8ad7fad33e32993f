namespace Tessera.Storage.Linking;

/// <summary>
/// A pair of records the last linkage run was unsure about (match probability between the review
/// thresholds), waiting for a reviewer. Carries the pseudonymous person ids each record got and
/// the waterfall of the weight — comparisons and levels, no values.
/// </summary>
/// <param name="Item">Queue number within the run.</param>
/// <param name="RunId">The linkage run that queued it.</param>
/// <param name="LeftRecord">Record key.</param>
/// <param name="RightRecord">Record key.</param>
/// <param name="LeftPerson">Person id of the left record after the run.</param>
/// <param name="RightPerson">Person id of the right record after the run.</param>
/// <param name="MatchWeight">log2 Bayes factor.</param>
/// <param name="MatchProbability">Probability the two are one person.</param>
/// <param name="WaterfallJson">The steps of the weight, as JSON (comparison, level, weight).</param>
public sealed record ReviewItem(long Item, long RunId, string LeftRecord, string RightRecord, string LeftPerson, string RightPerson, double MatchWeight, double MatchProbability, string WaterfallJson);
