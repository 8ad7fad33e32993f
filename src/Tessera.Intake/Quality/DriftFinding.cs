namespace Tessera.Intake.Quality;

/// <summary>A change from the source's previous delivery large enough to look at.</summary>
public sealed class DriftFinding
{
    /// <summary>File, e.g. "members".</summary>
    public string File { get; set; } = "";

    /// <summary>Field, or empty for the file's row count.</summary>
    public string Field { get; set; } = "";

    /// <summary>"row_count", "completeness" or "codes".</summary>
    public string Measure { get; set; } = "";

    /// <summary>Value in the previous delivery.</summary>
    public double Previous { get; set; }

    /// <summary>Value in this delivery.</summary>
    public double Current { get; set; }

    /// <summary>What changed, in plain language.</summary>
    public string Message { get; set; } = "";
}
