namespace Tessera.Intake.Dictionaries;

/// <summary>A term of the shared data vocabulary, e.g. "Limited data set", with its definition.</summary>
public sealed class GlossaryTerm
{
    /// <summary>The term.</summary>
    public string Term { get; set; } = "";

    /// <summary>What it means, in plain language.</summary>
    public string Definition { get; set; } = "";
}
