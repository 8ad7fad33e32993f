namespace Tessera.Contracts.Planning;

/// <summary>
/// A contract or an upcoming procurement in the agency's inventory, with what the prioritisation
/// needs to know about it and the group's readiness ratings.
/// </summary>
/// <param name="Id">Its id, e.g. <c>I3</c>.</param>
/// <param name="Name">What it is, e.g. "Youth employment services RFP".</param>
/// <param name="Kind">A contract or a procurement.</param>
/// <param name="Agency">The purchasing agency (a source of the workspace).</param>
/// <param name="Program">The program's id.</param>
/// <param name="AnnualValue">Dollars a year.</param>
/// <param name="KeyDate">The renewal date of a contract, the RFP date of a procurement.</param>
/// <param name="Population">Whom it serves, in words.</param>
/// <param name="OutcomeData">The outcome data the IDS already holds for it (sources or metrics), in words; empty when none.</param>
/// <param name="CurrentPerformance">How it performs today, in words, when it is contracted already.</param>
/// <param name="Ratings">The group's rating of each criterion, 1 to 5; criteria not rated take the suggestion.</param>
/// <param name="Contract">The contract it was promoted to, once it was.</param>
public sealed record InventoryItem(
    string Id, string Name, InventoryKind Kind, string Agency, string Program, decimal AnnualValue, DateOnly? KeyDate, string? Population,
    string? OutcomeData, string? CurrentPerformance, IReadOnlyDictionary<ReadinessCriterion, int> Ratings, string? Contract = null);
