namespace Tessera.Storage.Planning;

/// <summary>
/// A program's (or an agency's) persons served each month. A count is null when hidden (1 to 10
/// persons). Months are not added up: a person served in two months is one person, not two.
/// </summary>
/// <param name="Id">The program's id (<c>job-training</c>) or the source's name.</param>
/// <param name="Name">What people call it ("Job training").</param>
/// <param name="Persons">Persons served, one figure per month of the table.</param>
public sealed record UtilisationRow(string Id, string Name, IReadOnlyList<long?> Persons);
