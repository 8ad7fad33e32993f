namespace Tessera.Contracts.Monitoring;

/// <summary>
/// A change in a contract metric worth raising at the next meeting: the period it shows in, the
/// rule that fired and the figures that made it fire, as <c>tessera acm alerts</c> writes them.
/// </summary>
/// <param name="Contract">The contract's id.</param>
/// <param name="Provider">The provider's id.</param>
/// <param name="Metric">The metric's id.</param>
/// <param name="PeriodStart">First day of the period the rule fired in.</param>
/// <param name="PeriodEnd">Its last day.</param>
/// <param name="Rule">
/// <c>left_target_band</c> (a second period in a row off track), or a control-chart rule:
/// <c>beyond_3_sigma</c>, <c>2_of_3_beyond_2_sigma</c>, <c>4_of_5_beyond_1_sigma</c>, <c>8_on_one_side</c>.
/// </param>
/// <param name="Value">The period's figure.</param>
/// <param name="Expected">The target (band rule) or the control chart's centre line (control-chart rules).</param>
/// <param name="LowerLimit">The band's or chart's lower limit, if it has one.</param>
/// <param name="UpperLimit">The band's or chart's upper limit, if it has one.</param>
public sealed record Alert(
    string Contract, string Provider, string Metric, DateOnly PeriodStart, DateOnly PeriodEnd, string Rule, double Value, double Expected, double? LowerLimit, double? UpperLimit)
{
    /// <summary>The rule code of an alert raised because the metric left its target band.</summary>
    public const string LeftTargetBand = "left_target_band";

    /// <summary>The CSV header, exactly as agencies' scripts read it.</summary>
    public static IReadOnlyList<string> Header { get; } =
        ["contract", "provider", "metric", "period_start", "period_end", "rule", "value", "expected", "lower_limit", "upper_limit"];

    /// <summary>The alert's cells in <see cref="Header"/>'s order.</summary>
    public IReadOnlyList<object?> Cells => [Contract, Provider, Metric, PeriodStart, PeriodEnd, Rule, Value, Expected, LowerLimit, UpperLimit];

    /// <summary>The rule in words, for screens and agendas.</summary>
    public string RuleWords => Rule switch
    {
        LeftTargetBand => "off track two periods in a row",
        "beyond_3_sigma" => "beyond the control limit",
        "2_of_3_beyond_2_sigma" => "two of three periods near the control limit",
        "4_of_5_beyond_1_sigma" => "four of five periods on the worse side, beyond one sigma",
        "8_on_one_side" => "eight periods in a row on the worse side",
        _ => Rule,
    };
}
