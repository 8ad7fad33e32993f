namespace Tessera.Metrics.Definitions;

/// <summary>What number a metric gives per group and period.</summary>
public enum MetricValue
{
    /// <summary>Numerator ÷ denominator, e.g. the share of releases followed by an arrest.</summary>
    Rate,

    /// <summary>The number of population rows.</summary>
    Count,

    /// <summary>The mean of the measure field.</summary>
    Mean,

    /// <summary>The median of the measure field.</summary>
    Median,

    /// <summary>The sum of the measure field.</summary>
    Sum,

    /// <summary>The sum of the measure field per distinct person, e.g. spending per client.</summary>
    PerPerson,

    /// <summary>The median number of days from the anchor to the first outcome, among rows with one.</summary>
    DaysToOutcome,
}
