namespace Tessera.Metrics.Definitions;

/// <summary>Outcome rows that belong to a population row by a shared key, e.g. an enrolment's referral id.</summary>
public sealed class KeyMatchDefinition
{
    /// <summary>Field of the population file.</summary>
    public string Population { get; set; } = "";

    /// <summary>Field of the outcome file.</summary>
    public string Outcome { get; set; } = "";
}
