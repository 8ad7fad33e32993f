namespace Tessera.Intake.Dictionaries;

/// <summary>Counts rows whose <see cref="Field"/> holds one of <see cref="In"/>.</summary>
public sealed class ValueCheck
{
    /// <summary>The field.</summary>
    public string Field { get; set; } = "";

    /// <summary>The values counted.</summary>
    public List<string> In { get; set; } = [];
}
