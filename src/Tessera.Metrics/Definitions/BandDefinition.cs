namespace Tessera.Metrics.Definitions;

/// <summary>One band of a banded group: values from <see cref="From"/> up to, not including, <see cref="Below"/>.</summary>
public sealed class BandDefinition
{
    /// <summary>The band's label in results, e.g. "3 months or more".</summary>
    public string Label { get; set; } = "";

    /// <summary>Lowest value in the band; open when null.</summary>
    public decimal? From { get; set; }

    /// <summary>First value above the band; open when null.</summary>
    public decimal? Below { get; set; }
}
