namespace Tessera.Linkage.Persons;

/// <summary>The outcome of <see cref="PersonIdAssigner.Assign"/>: each record's person id, the ids issued for the first time, and what happened to existing ids.</summary>
/// <param name="PersonIds">Person id of each record, in the order the records were given.</param>
/// <param name="Issued">Ids issued in this run.</param>
/// <param name="Changes">Merges, splits and retirements of earlier ids.</param>
public sealed record PersonIdAssignment(IReadOnlyList<string> PersonIds, IReadOnlyList<string> Issued, IReadOnlyList<PersonChange> Changes);
