namespace Tessera.Storage.Planning;

/// <summary>
/// One group's persons (and, by ZIP code, families) touched by one agency only and by several.
/// Null when hidden: a count of 1 to 10, or one that would reveal such a count from the published
/// totals.
/// </summary>
/// <param name="Group">The group: a ZIP code, a sex, a generation, or "not recorded".</param>
/// <param name="Persons">The group's persons touched by any agency.</param>
/// <param name="OneSystem">Of them, those touched by one agency only.</param>
/// <param name="SeveralSystems">Those touched by two or more agencies.</param>
/// <param name="Families">The group's families (by ZIP code only; null otherwise or when hidden).</param>
/// <param name="FamiliesAcrossSystems">Families whose members together are in two or more agencies.</param>
public sealed record GroupedOverlapRow(string Group, long? Persons, long? OneSystem, long? SeveralSystems, long? Families, long? FamiliesAcrossSystems)
{
    /// <summary>The share of the group's persons in several systems, when both are shown.</summary>
    public double? SeveralShare => Persons is > 0 && SeveralSystems is { } several ? (double)several / Persons.Value : null;
}
