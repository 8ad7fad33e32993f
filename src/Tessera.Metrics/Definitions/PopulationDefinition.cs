namespace Tessera.Metrics.Definitions;

/// <summary>The population: rows of one file, each anchored on a date.</summary>
public sealed class PopulationDefinition : RowSelection
{
    /// <summary>The date field windows start from and periods are assigned by, e.g. "release_date".</summary>
    public string Anchor { get; set; } = "";
}
