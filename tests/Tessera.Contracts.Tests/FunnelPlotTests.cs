using Tessera.Contracts.Benchmarks;

namespace Tessera.Contracts.Tests;

/// <summary>Funnel-plot limits worked out by hand (Spiegelhalter 2005: p̄ ± z√(p̄(1 − p̄)/n), z 1.960 and 3.090).</summary>
public class FunnelPlotTests
{
    [Fact]
    public void The_centre_is_the_pooled_rate_and_the_limits_narrow_with_the_cases()
    {
        // A 30 of 100, B 90 of 400, C 30 of 100: pooled 150 / 600 = 0.25.
        var chart = FunnelPlot.Of([("A", 30, 100), ("B", 90, 400), ("C", 30, 100)]);

        Assert.Equal(0.25, chart.Centre, 12);
        // n = 100: σ = √(0.25 × 0.75 / 100) = 0.0433013; 95%: 0.25 ± 0.0848689 → 0.1651311, 0.3348689; 99.8%: ± 0.1338110 → 0.1161890, 0.3838110.
        var a = chart.Points[0];
        Assert.Equal((0.1651311, 0.3348689, 0.1161890, 0.3838110), (Math.Round(a.Lower95, 7), Math.Round(a.Upper95, 7), Math.Round(a.Lower998, 7), Math.Round(a.Upper998, 7)));
        // n = 400: σ halves, 0.0216506; 95%: ± 0.0424345.
        Assert.Equal(0.2075655, Math.Round(chart.Points[1].Lower95, 7));
        Assert.All(chart.Points, p => Assert.Equal("within", p.Position));
    }

    [Fact]
    public void The_same_rate_is_noise_for_a_small_provider_and_a_signal_for_a_large_one()
    {
        // Centre 51,010 / 102,525 = 0.49754 (the pool dominates); 0.40 of 25 cases: σ = 0.1, z = −1 (within); 0.40 of 2,500: σ = 0.01, z = −10 (below 99.8%).
        var chart = FunnelPlot.Of([("pool", 50_000, 100_000), ("small", 10, 25), ("large", 1_000, 2_500)]);

        Assert.Equal(0.49754, Math.Round(chart.Centre, 5));
        Assert.Equal("within", chart.Points.Single(p => p.Provider == "small").Position);
        Assert.Equal("below_99.8", chart.Points.Single(p => p.Provider == "large").Position);
        Assert.Equal("worse than chance explains (beyond 99.8% limits)", chart.Points.Single(p => p.Provider == "large").PositionWords(higherIsBetter: true));
    }

    [Fact]
    public void Limits_are_cut_to_zero_and_one_and_the_curve_runs_from_one_case()
    {
        var chart = FunnelPlot.Of([("A", 1, 10), ("B", 0, 10)]); // 0.05: for n = 1 the limits pass 0 and are cut

        var curve = chart.Curve(100);
        Assert.Equal(1, curve[0].Cases);
        Assert.Equal(100, curve[^1].Cases);
        Assert.Equal(0, curve[0].Lower95);
        Assert.True(curve.Zip(curve.Skip(1)).All(p => p.Second.Upper95 <= p.First.Upper95), "the upper limit narrows as the cases grow");
    }
}
