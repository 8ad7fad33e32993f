namespace Tessera.Intake.Quality;

/// <summary>Completeness and validity of one field in one file of a delivery.</summary>
public sealed class FieldProfile
{
    /// <summary>Field name.</summary>
    public string Field { get; set; } = "";

    /// <summary>Rows with a value.</summary>
    public long Filled { get; set; }

    /// <summary>Rows read (filled + empty).</summary>
    public long Rows { get; set; }

    /// <summary>Share of rows with a value (0–1).</summary>
    public double Completeness => Rows == 0 ? 0 : (double)Filled / Rows;

    /// <summary>Invalid values by rule broken, e.g. { "Type": 3, "Code": 12 }.</summary>
    public Dictionary<string, long> Invalid { get; set; } = [];

    /// <summary>For coded fields: how often each code occurred (codes outside the list included, as delivered).</summary>
    public Dictionary<string, long> Codes { get; set; } = [];
}
