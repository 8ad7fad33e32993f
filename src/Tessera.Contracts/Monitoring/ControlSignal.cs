namespace Tessera.Contracts.Monitoring;

/// <summary>A run rule that a point completes, on the side where the metric gets worse.</summary>
/// <param name="Point">The point that completes the rule.</param>
/// <param name="Rule">The rule.</param>
public sealed record ControlSignal(ControlPoint Point, RunRule Rule)
{
    /// <summary>The rule as alerts write it: beyond_3_sigma, 2_of_3_beyond_2_sigma, 4_of_5_beyond_1_sigma, 8_on_one_side.</summary>
    public string RuleCode => Rule switch
    {
        RunRule.Beyond3Sigma => "beyond_3_sigma",
        RunRule.TwoOfThreeBeyond2Sigma => "2_of_3_beyond_2_sigma",
        RunRule.FourOfFiveBeyond1Sigma => "4_of_5_beyond_1_sigma",
        _ => "8_on_one_side",
    };
}
