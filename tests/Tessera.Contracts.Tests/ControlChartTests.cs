using Tessera.Contracts.Monitoring;

namespace Tessera.Contracts.Tests;

/// <summary>
/// p-chart limits worked out by hand, and the Western Electric run rules (Western Electric
/// Statistical Quality Control Handbook, 1956; Nelson rules 1, 5, 6 and 2) on the side where the
/// metric gets worse.
/// </summary>
public class ControlChartTests
{
    private static readonly DateOnly January = new(2024, 1, 1);

    private static IEnumerable<(DateOnly, DateOnly, long, long)> Months(params (long Numerator, long Denominator)[] months) =>
        months.Select((m, i) => (January.AddMonths(i), January.AddMonths(i + 1).AddDays(-1), m.Numerator, m.Denominator));

    [Fact]
    public void Limits_are_three_sigmas_of_a_rate_with_each_periods_denominator()
    {
        // Baseline 40 of 400 = 0.10; σ = √(0.1 × 0.9 / 100) = 0.03 → 0.01 to 0.19; with 25, σ = 0.06 → 0 (cut) to 0.28.
        var chart = ControlChart.Of(Months((10, 100), (12, 100), (8, 100), (10, 100), (2, 25)), baseline: 4);

        Assert.All(chart, p => Assert.Equal(0.10, p.Expected, 12));
        Assert.Equal((0.03, 0.01, 0.19), (Math.Round(chart[0].Sigma, 12), Math.Round(chart[0].LowerLimit, 12), Math.Round(chart[0].UpperLimit, 12)));
        Assert.Equal((0.06, 0.0, 0.28), (Math.Round(chart[4].Sigma, 12), chart[4].LowerLimit, Math.Round(chart[4].UpperLimit, 12)));
        Assert.Equal(-1.0 / 3, chart[4].Z, 12); // 0.08 is a third of a sigma below
    }

    [Fact]
    public void A_baseline_without_spread_uses_the_Laplace_estimate()
    {
        // 0 of 200: p̃ = 1/202; σ for 50 = √(p̃(1 − p̃)/50). Tails are beta-binomial (a = 1, b = 201, n = 50, worked out
        // with the pmf C(n,k)·B(k+a, n−k+b)/B(a,b)): 4 or more has a chance of 0.00143, not beyond 3σ (Φ(−3) = 0.00135); 5 or more 0.00027, beyond.
        var four = ControlChart.Of(Months((0, 100), (0, 100), (4, 50)), baseline: 2);
        Assert.Empty(ControlChart.Signals(four, higherIsBetter: false));
        var chart = ControlChart.Of(Months((0, 100), (0, 100), (5, 50)), baseline: 2);

        var p = 1.0 / 202;
        Assert.Equal(0.0, chart[2].Expected);
        Assert.Equal(Math.Sqrt(p * (1 - p) / 50), chart[2].Sigma, 12);
        Assert.Equal(RunRule.Beyond3Sigma, Assert.Single(ControlChart.Signals(chart, higherIsBetter: false)).Rule);
    }

    [Fact]
    public void One_point_beyond_three_sigma_signals_on_the_worse_side_only()
    {
        var chart = ControlChart.Of(Months((50, 100), (50, 100), (50, 100), (50, 100), (30, 100), (70, 100)), baseline: 4); // σ = 0.05: 0.30 is z −4, 0.70 is z +4

        var signal = Assert.Single(ControlChart.Signals(chart, higherIsBetter: true));

        Assert.Equal((new DateOnly(2024, 5, 1), RunRule.Beyond3Sigma, "beyond_3_sigma"), (signal.Point.PeriodStart, signal.Rule, signal.RuleCode));
        Assert.Equal(new DateOnly(2024, 6, 1), Assert.Single(ControlChart.Signals(chart, higherIsBetter: false)).Point.PeriodStart);
    }

    [Fact]
    public void Two_of_three_beyond_two_sigma_signal_at_the_second()
    {
        // Centre 0.5, σ 0.05: 0.38 is z −2.4, 0.48 is z −0.4.
        var chart = ControlChart.Of(Months((50, 100), (50, 100), (50, 100), (50, 100), (38, 100), (48, 100), (38, 100)), baseline: 4);

        var signal = Assert.Single(ControlChart.Signals(chart, higherIsBetter: true));

        Assert.Equal((new DateOnly(2024, 7, 1), RunRule.TwoOfThreeBeyond2Sigma), (signal.Point.PeriodStart, signal.Rule));
    }

    [Fact]
    public void Four_of_five_beyond_one_sigma_signal_at_the_fourth()
    {
        // 0.43 is z −1.4; with the baseline's uncertainty (beta-binomial a = b = 201, n = 100) P(X ≤ 43) = 0.122, beyond one sigma
        // (Φ(−1) = 0.159); 0.44 would not be (0.162). 0.52 is on the better side.
        var chart = ControlChart.Of(Months((50, 100), (50, 100), (50, 100), (50, 100), (43, 100), (43, 100), (52, 100), (43, 100), (43, 100)), baseline: 4);

        var signal = Assert.Single(ControlChart.Signals(chart, higherIsBetter: true));

        Assert.Equal((new DateOnly(2024, 9, 1), RunRule.FourOfFiveBeyond1Sigma), (signal.Point.PeriodStart, signal.Rule));
    }

    [Fact]
    public void Eight_on_one_side_signal_at_the_eighth_and_each_point_the_run_goes_on()
    {
        // 0.48 is z −0.4: never beyond a sigma, but April and the nine months after it are below the centre:
        // the eighth in a row is November.
        var below = Enumerable.Repeat((48L, 100L), 9).ToArray();
        var chart = ControlChart.Of(Months([(52, 100), (48, 100), (52, 100), (48, 100), .. below]), baseline: 4);

        var signals = ControlChart.Signals(chart, higherIsBetter: true);

        Assert.Equal([new DateOnly(2024, 11, 1), new DateOnly(2024, 12, 1), new DateOnly(2025, 1, 1)], signals.Select(s => s.Point.PeriodStart));
        Assert.All(signals, s => Assert.Equal(RunRule.EightOnOneSide, s.Rule));
    }

    [Fact]
    public void Noise_within_the_limits_raises_nothing()
    {
        var chart = ControlChart.Of(Months((50, 100), (47, 100), (53, 100), (49, 100), (46, 100), (54, 100), (51, 100), (45, 100), (52, 100)));

        Assert.Empty(ControlChart.Signals(chart, higherIsBetter: true));
        Assert.Empty(ControlChart.Signals(chart, higherIsBetter: false));
    }

    [Fact]
    public void Periods_without_a_denominator_are_left_out()
    {
        Assert.Empty(ControlChart.Of(Months((0, 0), (0, 0))));
        Assert.Single(ControlChart.Of(Months((0, 0), (3, 10))));
    }

    [Fact]
    public void Providers_with_only_noise_raise_well_under_one_alert_a_year()
    {
        // 2,000 provider-years of pure binomial noise (rate 0.4, 15 to 60 cases a month): a year of
        // baseline, then the year watched. The four rules together should rarely fire on noise: measured
        // 0.072 alerts per provider-year with this seed (about 1 in 167 months; the rules' textbook rate on
        // normal data is 1 in 92 — the probability limits count the baseline's uncertainty and are a little
        // stricter), against the ceiling of one a year.
        var random = new Random(20261204);
        var alerts = 0;
        const int Years = 2_000;
        for (var provider = 0; provider < Years; provider++)
        {
            var months = Enumerable.Range(0, 24).Select(_ => random.Next(15, 61)).Select(n => (MathNet.Numerics.Distributions.Binomial.Sample(random, 0.4, n), (long)n)).Select(m => ((long)m.Item1, m.Item2)).ToArray();
            var chart = ControlChart.Of(Months(months), baseline: 12);
            alerts += ControlChart.Signals(chart, higherIsBetter: true).Count(s => s.Point.PeriodStart >= January.AddMonths(12));
        }

        var perYear = (double)alerts / Years;
        Assert.True(perYear < 0.5, $"{perYear:F3} alerts per provider-year on noise");
    }
}
