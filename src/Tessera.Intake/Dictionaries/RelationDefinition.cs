namespace Tessera.Intake.Dictionaries;

/// <summary>
/// A family relation a row states between two people of the source, each named by a person key.
/// Example: a child-care authorisation names the applying parent (<c>parent_id</c>) of the child
/// in care (<c>child_id</c>): <c>{ from: parent_id, to: child_id, relation: parent }</c>.
/// </summary>
public sealed class RelationDefinition
{
    /// <summary>The relations a row can state; <c>parent</c> reads "from is a parent of to".</summary>
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(["parent", "partner", "sibling"], StringComparer.Ordinal);

    /// <summary>Field with the person key of the first person.</summary>
    public string From { get; set; } = "";

    /// <summary>Field with the person key of the second person.</summary>
    public string To { get; set; } = "";

    /// <summary>How the first relates to the second: <c>parent</c>, <c>partner</c> or <c>sibling</c>.</summary>
    public string Relation { get; set; } = "";
}
