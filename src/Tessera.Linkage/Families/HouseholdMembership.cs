namespace Tessera.Linkage.Families;

/// <summary>
/// A record's membership of a household as its source recorded it: a benefit case, an HMIS
/// household. <paramref name="Household"/> must be unique across sources (prefix it with the
/// source); <paramref name="Role"/> is <c>head</c>, <c>partner</c>, <c>child</c>,
/// <c>parent_of_head</c> or <c>other</c>.
/// </summary>
public readonly record struct HouseholdMembership(int Record, string Household, string Role);
