namespace Tessera.Linkage.Persons;

/// <summary>
/// How a person id fared in a run: <see cref="PersonChangeKind.Merged"/> into another id,
/// <see cref="PersonChangeKind.Split"/> (some of its records now belong to <see cref="Other"/>),
/// or <see cref="PersonChangeKind.Retired"/> because none of its records remain. An id that is
/// merged or retired is never issued again.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="PersonId">The id the change is about.</param>
/// <param name="Other">The id its records went to (merge, split); empty when retired.</param>
/// <param name="Records">How many of its records moved.</param>
/// <param name="RecordKeys">Keys of the records that moved, so the caller can say why.</param>
public sealed record PersonChange(PersonChangeKind Kind, string PersonId, string Other, int Records, IReadOnlyList<string> RecordKeys);
