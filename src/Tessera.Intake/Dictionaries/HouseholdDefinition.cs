namespace Tessera.Intake.Dictionaries;

/// <summary>
/// Says that rows of a file tie people to a household (a benefit case, an HMIS household), and
/// optionally each person's role in it. Linkage uses it twice: a household's address becomes
/// its members' address, and roles become family links (parent, child, partner, sibling).
/// Example: benefits' <c>members</c> has <c>household: { key: case_number, role:
/// relationship_to_head, roles: { HEAD: head, SPOUSE: partner, CHILD: child, PARENT: parent_of_head } }</c>,
/// and its <c>addresses</c> file <c>household: { key: case_number }</c>.
/// </summary>
public sealed class HouseholdDefinition
{
    /// <summary>The roles a household member can have, in the family vocabulary.</summary>
    public static IReadOnlySet<string> RoleNames { get; } =
        new HashSet<string>(["head", "partner", "child", "parent_of_head", "other"], StringComparer.Ordinal);

    /// <summary>Field shared by every row of one household, e.g. <c>case_number</c> or <c>HouseholdID</c>.</summary>
    public string Key { get; set; } = "";

    /// <summary>Field holding the person's relationship to the head of the household, if any.</summary>
    public string? Role { get; set; }

    /// <summary>
    /// Code of <see cref="Role"/> → family role (<c>head</c>, <c>partner</c>, <c>child</c>,
    /// <c>parent_of_head</c>, <c>other</c>); codes not listed carry no family link.
    /// </summary>
    public Dictionary<string, string> Roles { get; set; } = [];

    /// <summary>
    /// True when the source lists a person once per household, so two member ids in one household
    /// are two people and linkage never joins them, however alike: an HMIS household's project
    /// stay enrols each client once, so brothers a year apart with a mistyped birth date stay two.
    /// False (the default) where one person can be on a case twice under two ids, as in an
    /// eligibility system's duplicate person numbers. Needs <see cref="Role"/>.
    /// </summary>
    public bool MembersDistinct { get; set; }
}
