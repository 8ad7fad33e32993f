namespace Tessera.Intake.Quality;

/// <summary>
/// How long after events happened they were delivered: days between each row's event date and
/// the end of the delivery's period. A monthly extract with a median lag of 15 days and a 90th
/// percentile of 40 is on time; a 90th percentile of 400 means back-loaded records.
/// </summary>
public sealed class Timeliness
{
    /// <summary>Event date field measured.</summary>
    public string Field { get; set; } = "";

    /// <summary>Rows with an event date.</summary>
    public long Rows { get; set; }

    /// <summary>Median lag in days.</summary>
    public double MedianDays { get; set; }

    /// <summary>90th percentile lag in days.</summary>
    public double P90Days { get; set; }

    /// <summary>Share of rows whose event is more than 90 days before the period's end.</summary>
    public double ShareOlderThan90Days { get; set; }
}
