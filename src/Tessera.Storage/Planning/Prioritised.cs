using Tessera.Contracts.Planning;

namespace Tessera.Storage.Planning;

/// <summary>An assessment's inventory ranked: the weights used and each item's place.</summary>
/// <param name="Assessment">The assessment's number.</param>
/// <param name="Agency">Its agency.</param>
/// <param name="Weights">The weights.</param>
/// <param name="Items">The items, ripest first.</param>
public sealed record Prioritised(long Assessment, string Agency, ReadinessWeights Weights, IReadOnlyList<RankedItem> Items);
