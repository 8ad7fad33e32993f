namespace Tessera.Metrics.Definitions;

/// <summary>
/// One condition on a field; set exactly one test: <c>{ field: release_type, in: [PAROLE] }</c>,
/// <c>{ field: completion_date, present: true }</c>, <c>{ field: months_of_service, min: 3 }</c>.
/// </summary>
public sealed class ConditionDefinition
{
    /// <summary>The field tested.</summary>
    public string Field { get; set; } = "";

    /// <summary>Equal to this value.</summary>
    public string? EqualTo { get; set; }

    /// <summary>One of these values.</summary>
    public List<string>? In { get; set; }

    /// <summary>None of these values (empty values pass).</summary>
    public List<string>? NotIn { get; set; }

    /// <summary>true: the field has a value; false: it is empty.</summary>
    public bool? Present { get; set; }

    /// <summary>At least this (numbers and dates).</summary>
    public string? Min { get; set; }

    /// <summary>At most this (numbers and dates).</summary>
    public string? Max { get; set; }
}
