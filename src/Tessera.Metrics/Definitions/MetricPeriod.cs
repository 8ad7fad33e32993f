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

    /// <summary>The 12 months up to and including each month, e.g. February 2024 to January 2025 ("rolling_12").</summary>
    Rolling12,

    /// <summary>Weeks from Monday to Sunday ("week"): high-frequency activity measures for monthly check-ins.</summary>
    Week,

    /// <summary>Two weeks from a Monday, counted from Monday 3 January 2000 ("two_weeks"), so every workspace has the same fortnights.</summary>
    TwoWeeks,
}
