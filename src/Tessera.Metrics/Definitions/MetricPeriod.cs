namespace Tessera.Metrics.Definitions;

/// <summary>How rows are assigned to reporting periods, by their anchor date.</summary>
public enum MetricPeriod
{
    /// <summary>Calendar month.</summary>
    Month,

    /// <summary>Calendar quarter.</summary>
    Quarter,

    /// <summary>Calendar year.</summary>
    Year,
}
