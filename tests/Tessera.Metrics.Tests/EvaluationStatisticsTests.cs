using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Tessera.Metrics.Evaluation;

namespace Tessera.Metrics.Tests;

/// <summary>
/// The evaluation routines against answers published with worked examples: Newcombe's (1998)
/// tables for the Wilson interval and the difference of two rates, the Challenger O-ring data for
/// logistic regression, Hernán and Robins's heart-transplant table for inverse probability
/// weighting, and exact answers on data built so that the truth is known (a jump of a
/// known size, confounding that only adjustment removes).
/// </summary>
public sealed class EvaluationStatisticsTests
{
    /// <summary>Newcombe RG (1998), Two-sided confidence intervals for the single proportion: comparison of seven methods. Statistics in Medicine 17:857–872, table II, method 3 (score, no continuity correction).</summary>
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void The_Wilson_interval_is_Newcombes(long successes, long n, double low, double high)
    {
        var interval = Proportions.Wilson(successes, n);
        Assert.Equal(low, interval.Low, 0.00005);
        Assert.Equal(high, interval.High, 0.00005);
    }

    /// <summary>Newcombe RG (1998), Interval estimation for the difference between independent proportions: comparison of eleven methods. Statistics in Medicine 17:873–890, table II, method 10 (hybrid score).</summary>
    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    public void The_difference_of_two_rates_has_Newcombes_hybrid_score_interval(long a, long n, long b, long m, double low, double high)
    {
        var interval = Proportions.Difference(a, n, b, m);
        Assert.Equal(low, interval.Low, 0.00005);
        Assert.Equal(high, interval.High, 0.00005);
    }

    /// <summary>
    /// The 23 shuttle launches before Challenger: launch temperature (°F) and whether an O-ring was
    /// damaged (Dalal, Fowlkes and Hoadley 1989, JASA 84:945–957). The maximum-likelihood logistic
    /// fit is logit p = 15.0429 − 0.2322 × temperature, standard errors 7.3786 and 0.1082.
    /// </summary>
    [Fact]
    public void Logistic_regression_fits_the_Challenger_O_ring_data_as_published()
    {
        double[] temperature = [66, 70, 69, 68, 67, 72, 73, 70, 57, 63, 70, 78, 67, 53, 67, 75, 70, 81, 76, 79, 75, 76, 58];
        double[] damaged = [0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1];
        var x = Matrix<double>.Build.Dense(23, 2, (i, j) => j == 0 ? 1 : temperature[i]);

        var fit = LogisticRegression.Fit(x, Vector<double>.Build.DenseOfArray(damaged));

        Assert.Equal(15.0429, fit.Coefficients[0], 0.0005);
        Assert.Equal(-0.2322, fit.Coefficients[1], 0.00005);
        Assert.Equal(7.3786, Math.Sqrt(fit.Covariance[0, 0]), 0.001);
        Assert.Equal(0.1082, Math.Sqrt(fit.Covariance[1, 1]), 0.0001);
    }

    /// <summary>
    /// Hernán MA and Robins JM (2020), Causal Inference: What If, table 2.2 and section 2.4: twenty
    /// members of Zeus's family, L (critical condition), A (heart transplant), Y (death). Treated
    /// 7 of 13 died, untreated 3 of 7; weighted by the inverse probability of the treatment each
    /// had given L, the risk is 0.5 under treatment and 0.5 under no treatment — no effect.
    /// </summary>
    [Fact]
    public void Weighting_reproduces_the_heart_transplant_example_of_Hernan_and_Robins()
    {
        (int L, int A, int Y)[] family =
        [
            (0, 0, 0), (0, 0, 1), (0, 0, 0), (0, 0, 0), (0, 1, 0), (0, 1, 0), (0, 1, 0), (0, 1, 1), (1, 0, 1), (1, 0, 1),
            (1, 0, 0), (1, 1, 1), (1, 1, 1), (1, 1, 1), (1, 1, 1), (1, 1, 1), (1, 1, 1), (1, 1, 0), (1, 1, 0), (1, 1, 0),
        ];
        var units = family.Select((g, i) => new EvaluationUnit($"g{i}", new DateOnly(2020, 1, 1), g.Y == 1, g.A.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new Dictionary<string, string> { ["critical"] = g.L.ToString(System.Globalization.CultureInfo.InvariantCulture) })).ToList();

        var result = DoseResponse.Estimate(units, DoseBand.Parse("0,1"), ["critical"], seed: 1, replicates: 50);

        Assert.Equal((3L, 7L), (result.Bands[0].Outcomes, result.Bands[0].Persons));
        Assert.Equal((7L, 13L), (result.Bands[1].Outcomes, result.Bands[1].Persons));
        Assert.Equal(0.5, result.Bands[0].Adjusted!.Estimate, 1e-6);
        Assert.Equal(0.5, result.Bands[1].Adjusted!.Estimate, 1e-6);
        Assert.Equal(1, result.Contrasts[0].AdjustedRatio!.Estimate, 1e-6);
        Assert.All(result.Balance, b => Assert.Equal(0, b.After, 1e-6)); // weighting balances L exactly
    }

    [Fact]
    public void Local_linear_regression_finds_an_exact_jump_and_its_lines()
    {
        // y = 0.2 + 0.004 x below 50 (0.4 at 50) and 0.45 + 0.001 x from 50 (0.5 at 50): a jump of 0.1.
        var points = Enumerable.Range(0, 100).Select(x => ((double)x, x < 50 ? 0.2 + (0.004 * x) : 0.45 + (0.001 * x))).ToList();

        var result = RegressionDiscontinuity.Estimate(points, 50, bandwidth: 20);

        Assert.Equal(0.1, result.Estimate, 1e-9);
        Assert.Equal(0.004, result.LeftSlope, 1e-9);
        Assert.Equal(0.001, result.RightSlope, 1e-9);
        Assert.Equal((19, 20), (result.NLeft, result.NRight)); // 31…49 and 50…69 have weight
        Assert.True(result.DensityP > 0.9, "evenly spread scores are not crowded");
    }

    /// <summary>
    /// The U.S. Senate elections of Cattaneo, Frandsen and Titiunik (2015, Journal of Causal
    /// Inference 3:1–24), as shipped with rdrobust (<c>Data/senate.csv</c>: the Democratic margin at
    /// an election and the Democratic vote share at the next; 1,390 races, 1,297 with both). The
    /// published sharp estimate (Calonico, Cattaneo, Farrell and Titiunik 2017, The Stata Journal
    /// 17(2):372–404, <c>rdrobust vote margin</c>, triangular kernel, local linear) at the MSE-optimal
    /// bandwidth 17.754 is 7.414, from 360 races on the left and 323 on the right out of 595 and 702.
    /// Its standard error, 1.459, comes from rdrobust's nearest-neighbour variance; ours is HC3, so
    /// only its size is compared.
    /// </summary>
    [Fact]
    public void Local_linear_regression_matches_rdrobust_on_the_Senate_elections()
    {
        var races = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "senate.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Where(fields => fields[1].Length > 0)
            .Select(fields => (double.Parse(fields[0], CultureInfo.InvariantCulture), double.Parse(fields[1], CultureInfo.InvariantCulture)))
            .ToList();

        var result = RegressionDiscontinuity.Estimate(races, 0, bandwidth: 17.754);

        Assert.Equal((595, 702), (races.Count(r => r.Item1 < 0), races.Count(r => r.Item1 >= 0)));
        Assert.Equal((360, 323), (result.NLeft, result.NRight));
        Assert.Equal(7.414, result.Estimate, 0.0005);
        Assert.InRange(result.Se, 1.459 * 0.95, 1.459 * 1.05); // HC3 gives 1.468
    }

    [Fact]
    public void A_crowded_side_of_the_cut_off_fails_the_density_check()
    {
        var random = new Random(3);
        var scores = Enumerable.Range(0, 2000).Select(_ => random.Next(100)).Select(s => s is >= 40 and < 50 && random.NextDouble() < 0.7 ? s + 10 : s);
        var result = RegressionDiscontinuity.Estimate([.. scores.Select(s => ((double)s, random.NextDouble() < 0.3 ? 1.0 : 0.0))], 50);

        Assert.True(result.DensityP < 0.001, $"p = {result.DensityP}");
        Assert.True(result.Bandwidth > 5, $"bandwidth {result.Bandwidth}");
    }

    [Fact]
    public void Regression_discontinuity_recovers_a_planted_jump_on_noisy_outcomes()
    {
        var random = new Random(11);
        var points = Enumerable.Range(0, 20_000).Select(_ => random.NextDouble() * 100)
            .Select(x => (x, random.NextDouble() < (x < 50 ? 0.1 + (0.006 * x) : 0.2 + (0.002 * (x - 50))) ? 1.0 : 0.0)).ToList();

        var result = RegressionDiscontinuity.Estimate(points, 50);

        // Just below 50 the chance is 0.4, at 50 it is 0.2: the jump is −0.2.
        Assert.InRange(-0.2, result.CiLow, result.CiHigh);
        Assert.InRange(result.Estimate, -0.26, -0.14);
    }

    [Fact]
    public void Adjustment_removes_confounding_that_raw_rates_show()
    {
        // Half the persons are "prior" (a characteristic): they take the long dose more often and have the outcome more often, whatever the dose.
        // The dose itself changes nothing, so the adjusted rates agree and the raw ones do not.
        var random = new Random(5);
        var units = Enumerable.Range(0, 6000).Select(i =>
        {
            var prior = random.NextDouble() < 0.5;
            var dose = random.NextDouble() < (prior ? 0.8 : 0.2) ? "6" : "1";
            var outcome = random.NextDouble() < (prior ? 0.5 : 0.2);
            return new EvaluationUnit($"p{i}", new DateOnly(2024, 1, 1), outcome, dose, new Dictionary<string, string> { ["prior"] = prior ? "1" : "0" });
        }).ToList();

        var result = DoseResponse.Estimate(units, DoseBand.Parse("0-3,3+"), ["prior"], seed: 1, replicates: 200);

        var contrast = result.Contrasts.Single();
        Assert.True(contrast.Difference.Low > 0.1, $"raw difference {contrast.Difference}");
        Assert.InRange(0.0, contrast.AdjustedDifference!.Low, contrast.AdjustedDifference.High);
        var balance = result.Balance.Single(b => b.Category == "1");
        Assert.True(Math.Abs(balance.Before) > 1, $"before weighting {balance.Before}");
        Assert.True(Math.Abs(balance.After) < 0.05, $"after weighting {balance.After}");
        Assert.Equal(result.Bands.Select(b => b.Adjusted), DoseResponse.Estimate(units, DoseBand.Parse("0-3,3+"), ["prior"], seed: 1, replicates: 200).Bands.Select(b => b.Adjusted));
    }

    [Fact]
    public void Comparing_participants_with_weighted_non_participants_recovers_the_effect_on_participants()
    {
        // "prior" persons take part more often and have the outcome more often anyway; taking part adds 0.15 for everyone.
        var random = new Random(8);
        var units = Enumerable.Range(0, 8000).Select(i =>
        {
            var prior = random.NextDouble() < 0.4;
            var takesPart = random.NextDouble() < (prior ? 0.6 : 0.15);
            var outcome = random.NextDouble() < (prior ? 0.45 : 0.15) + (takesPart ? 0.15 : 0);
            return new EvaluationUnit($"p{i}", new DateOnly(2024, 1, 1), outcome, null,
                new Dictionary<string, string> { ["prior"] = prior ? "1" : "0", ["training"] = takesPart ? "1" : "0" });
        }).ToList();

        var result = Comparison.Estimate(units, "training", ["prior", "training"], seed: 2, replicates: 200);

        Assert.Equal([Comparison.NonParticipants, Comparison.Participants], result.Bands.Select(b => b.Band));
        Assert.Equal(["prior"], result.AdjustedFor);
        var contrast = result.Contrasts.Single();
        Assert.True(contrast.Difference.Low > 0.2, $"the raw difference mixes in who takes part: {contrast.Difference}");
        Assert.InRange(0.15, contrast.AdjustedDifference!.Low, contrast.AdjustedDifference.High);
        Assert.True(Math.Abs(result.Balance.Single(b => b.Category == "1").After) < 0.05, "weighted non-participants resemble the participants");
        Assert.Throws<ArgumentException>(() => Comparison.Estimate([.. units.Where(u => u.Traits["training"] == "0")], "training", ["prior"], 1, 50));
    }

    [Fact]
    public void Disparity_ratios_are_against_the_reference_group_or_everyone_else()
    {
        var units = new List<EvaluationUnit>();
        void Add(string group, int persons, int outcomes)
        {
            for (var i = 0; i < persons; i++)
            {
                units.Add(new EvaluationUnit($"{group}{i}", new DateOnly(2024, 1, 1), i < outcomes, null, new Dictionary<string, string> { ["race"] = group }));
            }
        }

        Add("A", 200, 50);
        Add("B", 400, 200);
        Add("C", 100, 50);

        var againstB = Disparity.Estimate(units, "race", "B");
        Assert.Equal(0.5, againstB.Single(r => r.Group == "A").Ratio.Estimate, 1e-12);
        Assert.True(againstB.Single(r => r.Group == "B").IsReference);
        var againstOthers = Disparity.Estimate(units, "race", Disparity.Others);
        Assert.Equal(0.25 / (250.0 / 500), againstOthers.Single(r => r.Group == "A").Ratio.Estimate, 1e-12);

        // With one unit per person the interval is Katz's: log ratio ± 1.96 × sqrt(1/a − 1/n + 1/b − 1/m), here with (c/(c−1)) corrections.
        var katz = Proportions.Ratio(50, 200, 200, 400);
        Assert.Equal(katz.Low, againstB.Single(r => r.Group == "A").Ratio.Low, 0.005);
        Assert.Throws<ArgumentException>(() => Disparity.Estimate(units, "race", "D"));
    }

    [Fact]
    public void Bands_read_ranges_and_codes_and_refuse_what_is_neither()
    {
        var bands = DoseBand.Parse("0-3,3+");
        Assert.True(bands[0].Holds("2") && !bands[0].Holds("3") && bands[1].Holds("3") && bands[1].Holds("40"));
        var codes = DoseBand.Parse("DROPPED_OUT|NO_SHOW,COMPLETED");
        Assert.True(codes[0].Holds("NO_SHOW") && codes[1].Holds("COMPLETED") && !codes[1].Holds("completed"));
        Assert.Throws<FormatException>(() => DoseBand.Parse("3+"));
        Assert.Throws<FormatException>(() => DoseBand.Parse("3-1,4+"));
        Assert.Throws<FormatException>(() => DoseBand.Parse("A|B,B"));
    }
}
