using MathNet.Numerics.LinearAlgebra;

namespace Tessera.Metrics.Evaluation;

/// <summary>
/// Outcome rates by dose band, raw and adjusted for the characteristics the metric records. Raw
/// rates carry Wilson intervals; comparisons with the first band carry Newcombe's difference and
/// Katz's ratio intervals. The adjusted rate of a band is the doubly robust (augmented inverse
/// probability weighted) estimate of the rate had everyone had that band's dose: a propensity
/// model per band (logistic regression on the characteristics) and an outcome model (logistic
/// regression on band and characteristics) combined, right when either model is. Its interval is a
/// percentile bootstrap over persons with a recorded seed, so the same inputs give the same answer.
/// Balance: each characteristic's standardised mean difference between a band and the first,
/// before and after weighting by the inverse propensity; above 0.1 is the usual warning sign.
/// Adjustment removes differences in what is recorded only — never what is not.
/// </summary>
public static class DoseResponse
{
    /// <summary>Propensities are kept within this distance of 0 and 1, so that no one person's weight dominates.</summary>
    public const double PropensityFloor = 0.01;

    /// <summary>Estimates rates for <paramref name="bands"/> over <paramref name="units"/>, adjusted for <paramref name="traits"/>.</summary>
    public static DoseResponseResult Estimate(IReadOnlyList<EvaluationUnit> units, IReadOnlyList<DoseBand> bands, IReadOnlyList<string> traits, int seed, int replicates = 500)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(bands);
        ArgumentNullException.ThrowIfNull(traits);
        var banded = units.Select(u => (Unit: u, Band: Enumerable.Range(0, bands.Count).FirstOrDefault(b => bands[b].Holds(u.Value), -1))).ToList();
        var kept = banded.Where(x => x.Band >= 0).ToList();
        var sample = new Sample([.. kept.Select(x => x.Unit)], [.. kept.Select(x => x.Band)], bands.Count);
        var counts = Enumerable.Range(0, bands.Count).Select(b => (Persons: (long)sample.Band.Count(x => x == b), Outcomes: (long)Enumerable.Range(0, sample.Count).Count(i => sample.Band[i] == b && sample.Units[i].Outcome))).ToList();

        var adjustable = traits.Count > 0 && counts.All(c => c.Persons > 0);
        Covariates? covariates = adjustable ? Covariates.For(sample.Units, traits) : null;
        double[]? point = null;
        double[][] draws = [];
        if (covariates is not null)
        {
            var x = covariates.Design(sample.Units);
            point = Aipw(sample, x, Enumerable.Range(0, sample.Count).ToArray());
            var random = new Random(seed);
            draws = [.. Enumerable.Range(0, replicates).Select(_ =>
            {
                var picked = Enumerable.Range(0, sample.Count).Select(_ => random.Next(sample.Count)).ToArray();
                return Aipw(sample, x, picked);
            })];
        }

        var results = bands.Select((band, b) => new DoseResponseBand(
            band.Label, counts[b].Persons, counts[b].Outcomes,
            counts[b].Persons == 0 ? new Interval(double.NaN, double.NaN, double.NaN) : Proportions.Wilson(counts[b].Outcomes, counts[b].Persons),
            point is null ? null : Interval.Percentile(point[b], draws.Select(d => d[b])))).ToList();

        var contrasts = Enumerable.Range(1, bands.Count - 1).Where(_ => counts[0].Persons > 0).Select(b => new DoseContrast(
            bands[b].Label, bands[0].Label,
            Proportions.Difference(counts[b].Outcomes, counts[b].Persons, counts[0].Outcomes, counts[0].Persons),
            Proportions.Ratio(counts[b].Outcomes, counts[b].Persons, counts[0].Outcomes, counts[0].Persons),
            point is null ? null : Interval.Percentile(point[b] - point[0], draws.Select(d => d[b] - d[0])),
            point is null || point[0] <= 0 ? null : Interval.Percentile(point[b] / point[0], draws.Where(d => d[0] > 0).Select(d => d[b] / d[0])))).ToList();

        var balance = covariates is null ? [] : Balance(sample, covariates, bands);
        return new DoseResponseResult(results, contrasts, balance, traits, seed, covariates is null ? 0 : replicates, units.Count - kept.Count);
    }

    // The doubly robust rate of each band over the persons picked (with repeats, for the bootstrap).
    private static double[] Aipw(Sample sample, Matrix<double> x, int[] picked)
    {
        var k = sample.Bands;
        var rows = Matrix<double>.Build.DenseOfRowVectors(picked.Select(x.Row));
        var outcome = Vector<double>.Build.Dense(picked.Length, i => sample.Units[picked[i]].Outcome ? 1 : 0);
        var propensity = Propensities(sample, rows, picked);

        // Outcome model: characteristics and band (the first band its reference).
        var withBand = Matrix<double>.Build.Dense(picked.Length, rows.ColumnCount + k - 1);
        withBand.SetSubMatrix(0, 0, rows);
        for (var i = 0; i < picked.Length; i++)
        {
            var band = sample.Band[picked[i]];
            if (band > 0)
            {
                withBand[i, rows.ColumnCount + band - 1] = 1;
            }
        }

        var model = LogisticRegression.Fit(withBand, outcome);
        var rates = new double[k];
        for (var b = 0; b < k; b++)
        {
            var total = 0.0;
            for (var i = 0; i < picked.Length; i++)
            {
                var row = withBand.Row(i);
                for (var j = 1; j < k; j++)
                {
                    row[rows.ColumnCount + j - 1] = j == b ? 1 : 0;
                }

                var m = model.Predict(row);
                total += m + (sample.Band[picked[i]] == b ? (outcome[i] - m) / propensity[i, b] : 0);
            }

            rates[b] = total / picked.Length;
        }

        return rates;
    }

    // Each person's chance of each band given their characteristics: one logistic regression per band, normalised.
    private static Matrix<double> Propensities(Sample sample, Matrix<double> rows, int[] picked)
    {
        var k = sample.Bands;
        var p = Matrix<double>.Build.Dense(picked.Length, k);
        for (var b = 0; b < k; b++)
        {
            var inBand = Vector<double>.Build.Dense(picked.Length, i => sample.Band[picked[i]] == b ? 1 : 0);
            var fit = LogisticRegression.Fit(rows, inBand);
            for (var i = 0; i < picked.Length; i++)
            {
                p[i, b] = fit.Predict(rows.Row(i));
            }
        }

        for (var i = 0; i < picked.Length; i++)
        {
            var sum = p.Row(i).Sum();
            for (var b = 0; b < k; b++)
            {
                p[i, b] = Math.Clamp(p[i, b] / sum, PropensityFloor, 1 - PropensityFloor);
            }
        }

        return p;
    }

    private static List<BalanceRow> Balance(Sample sample, Covariates covariates, IReadOnlyList<DoseBand> bands)
    {
        var all = Enumerable.Range(0, sample.Count).ToArray();
        var propensity = Propensities(sample, covariates.Design(sample.Units), all);
        var weight = all.Select(i => 1 / propensity[i, sample.Band[i]]).ToArray();
        var rows = new List<BalanceRow>();
        foreach (var (trait, category) in covariates.Levels)
        {
            var has = all.Select(i => Covariates.Category(sample.Units[i], trait) == category ? 1.0 : 0.0).ToArray();
            (double Raw, double Weighted) Share(int band)
            {
                var members = all.Where(i => sample.Band[i] == band).ToList();
                return (members.Average(i => has[i]), members.Sum(i => has[i] * weight[i]) / members.Sum(i => weight[i]));
            }

            var reference = Share(0);
            for (var b = 1; b < bands.Count; b++)
            {
                rows.Add(BalanceRow.Of(trait, category, bands[b].Label, bands[0].Label, Share(b), reference));
            }
        }

        return rows;
    }

    private sealed record Sample(IReadOnlyList<EvaluationUnit> Units, int[] Band, int Bands)
    {
        public int Count => Units.Count;
    }
}
