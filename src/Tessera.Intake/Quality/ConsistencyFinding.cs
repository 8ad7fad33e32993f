namespace Tessera.Intake.Quality;

/// <summary>A cross-field or cross-file condition and how many rows of the file hit it.</summary>
public sealed class ConsistencyFinding
{
    /// <summary>Check name, e.g. "exit_before_entry" or "reference:cases".</summary>
    public string Check { get; set; } = "";

    /// <summary>What a hit means.</summary>
    public string Description { get; set; } = "";

    /// <summary>Rows hitting the condition.</summary>
    public long Rows { get; set; }
}
