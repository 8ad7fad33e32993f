namespace Tessera.Storage.Planning;

/// <summary>
/// One combination of agencies: how many persons were touched by exactly these sources (and no
/// other), and how many families were, counting a family's members together. Null when the count is
/// hidden (small cell, or complementary).
/// </summary>
/// <param name="Sources">The sources, sorted.</param>
/// <param name="Persons">Persons whose records are in exactly these sources.</param>
/// <param name="Families">Families whose members' records together are in exactly these sources.</param>
public sealed record OverlapRow(IReadOnlyList<string> Sources, long? Persons, long? Families)
{
    /// <summary>The combination as in files and commands: the sources joined by <c>+</c>, e.g. <c>benefits+homelessness</c>.</summary>
    public string Key => string.Join('+', Sources);
}
