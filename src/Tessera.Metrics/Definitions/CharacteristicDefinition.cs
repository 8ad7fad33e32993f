namespace Tessera.Metrics.Definitions;

/// <summary>
/// A characteristic of the person behind a population row, for client-mix adjustment. Either an
/// event — whether the linked data hold one of theirs in another file within a window around the
/// anchor, e.g. a prison release in the ten years before a training enrolment (prior involvement
/// with another agency), written like an exclusion — or, with <see cref="Value"/>, an attribute
/// the person's records carry, e.g. the sex or race a person file records. Each row's
/// characteristics together are its stratum. A characteristic whose source the workspace lacks, or
/// that has no rows, is left out.
/// </summary>
public sealed class CharacteristicDefinition : ExclusionDefinition
{
    /// <summary>The characteristic's name in strata and on screens, e.g. <c>prior_prison</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>What it means, in words, for the dashboard's statement of method.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// The field whose value is the characteristic (an attribute such as <c>gender</c>), instead of
    /// an event's presence: the person's value in the file (the smallest, when their records
    /// disagree; <c>unknown</c> when none), with no date or window. Direct identifiers cannot be
    /// used (they are stored encrypted): age from a birth date is not available this way.
    /// </summary>
    public string? Value { get; set; }

    /// <summary>
    /// Instead of <see cref="Value"/>, yes/no fields each naming a category (field → label), as
    /// HMIS records race: the person's category is the label of the one field marked 1,
    /// <see cref="Several"/> when more than one is, and otherwise what <see cref="None"/> says.
    /// </summary>
    public Dictionary<string, string> Flags { get; set; } = [];

    /// <summary>The category of a person with more than one of <see cref="Flags"/> marked, e.g. "More than one race".</summary>
    public string? Several { get; set; }

    /// <summary>A field saying why none of <see cref="Flags"/> is marked (HMIS's RaceNone), whose codes <see cref="NoneLabels"/> names.</summary>
    public string? None { get; set; }

    /// <summary>The category for each code of <see cref="None"/>, e.g. 9 → "Declined"; other codes (and none) give "Missing".</summary>
    public Dictionary<string, string> NoneLabels { get; set; } = [];

    /// <summary>True when the characteristic is an attribute (<see cref="Value"/> or <see cref="Flags"/>), not an event.</summary>
    public bool IsAttribute => Value is not null || Flags.Count > 0;
}
