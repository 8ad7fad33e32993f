namespace Tessera.Metrics.Definitions;

/// <summary>A numerator defined on the population row itself, e.g. a completion date is present.</summary>
public sealed class NumeratorDefinition
{
    /// <summary>Conditions the row must meet to count.</summary>
    public List<ConditionDefinition> Where { get; set; } = [];
}
