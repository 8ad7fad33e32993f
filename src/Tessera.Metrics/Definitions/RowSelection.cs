namespace Tessera.Metrics.Definitions;

/// <summary>Rows of one file of one source, with filters: what population and outcome have in common.</summary>
public class RowSelection
{
    /// <summary>Source name, e.g. "corrections".</summary>
    public string Source { get; set; } = "";

    /// <summary>File of the source's dictionary, e.g. "releases".</summary>
    public string File { get; set; } = "";

    /// <summary>The field naming the person, when not the file's person key (e.g. an allegation's perpetrator).</summary>
    public string? Person { get; set; }

    /// <summary>Files of the same source joined to each row on their primary key.</summary>
    public List<JoinDefinition> Join { get; set; } = [];

    /// <summary>Conditions every row must meet.</summary>
    public List<ConditionDefinition> Where { get; set; } = [];
}
