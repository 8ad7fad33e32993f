namespace Tessera.Contracts.Planning;

/// <summary>An inventory item's place in the prioritisation.</summary>
/// <param name="Item">The item.</param>
/// <param name="Rank">1 for the ripest.</param>
/// <param name="Score">The weighted mean of its ratings, 1 to 5.</param>
/// <param name="Ratings">The ratings used: the group's, or the suggestion where it gave none.</param>
/// <param name="Suggested">The criteria whose rating was suggested rather than given.</param>
/// <param name="ShortListed">True when on the short list.</param>
/// <param name="Pilot">True for the short-listed item proposed as the demonstration project.</param>
/// <param name="Rationale">Why it ranks where it does, in words.</param>
/// <param name="NextSteps">What to do next with it.</param>
public sealed record RankedItem(
    InventoryItem Item, int Rank, decimal Score, IReadOnlyDictionary<ReadinessCriterion, int> Ratings, IReadOnlySet<ReadinessCriterion> Suggested,
    bool ShortListed, bool Pilot, string Rationale, IReadOnlyList<string> NextSteps);
