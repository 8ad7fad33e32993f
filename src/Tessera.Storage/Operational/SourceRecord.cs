namespace Tessera.Storage.Operational;

/// <summary>A source registered in the workspace and the dictionary it is read with.</summary>
public sealed class SourceRecord
{
    /// <summary>Source name, e.g. "benefits".</summary>
    public string Name { get; set; } = "";

    /// <summary>Dictionary name: a shipped one ("benefits", "hmis") or "custom".</summary>
    public string DictionaryName { get; set; } = "";

    /// <summary>The dictionary's YAML, kept so the workspace reads its data the same way even after Tessera is upgraded.</summary>
    public string DictionaryYaml { get; set; } = "";

    /// <summary>Dictionary version.</summary>
    public int DictionaryVersion { get; set; }

    /// <summary>Human title.</summary>
    public string Title { get; set; } = "";

    /// <summary>When registered (UTC).</summary>
    public DateTime AddedUtc { get; set; }

    /// <summary>When the source's data keys were destroyed (crypto-shredded), if they were.</summary>
    public DateTime? KeysDestroyedUtc { get; set; }
}
