namespace Tessera.Metrics.Definitions;

/// <summary>
/// A characteristic of the person behind a population row, for client-mix adjustment: whether the
/// linked data hold an event of theirs in another file within a window around the anchor — e.g. a
/// prison release in the five years before a training enrolment (prior involvement with another
/// agency). Written like an exclusion, with a name; each row's characteristics together are its
/// stratum. A characteristic whose source the workspace lacks, or that has no rows, is left out.
/// </summary>
public sealed class CharacteristicDefinition : ExclusionDefinition
{
    /// <summary>The characteristic's name in strata and on screens, e.g. <c>prior_prison</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>What it means, in words, for the dashboard's statement of method.</summary>
    public string? Description { get; set; }
}
