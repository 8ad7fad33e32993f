using MathNet.Numerics.LinearAlgebra;

namespace Tessera.Metrics.Evaluation;

/// <summary>
/// Participants against similar non-participants found in the linked data: the outcome rate of
/// persons who took part in a service (a characteristic of the metric: an event in another
/// agency's records, e.g. job training in the year before) against the rate the same persons would
/// have had without it, estimated from non-participants weighted to resemble them (the average
/// effect on the participants). Doubly robust: a propensity model (logistic regression of taking
/// part on the other characteristics) weights non-participants by e/(1−e), and an outcome model
/// fitted on non-participants predicts each participant's rate without the service; right when
/// either model is. Intervals are a percentile bootstrap over persons with a recorded seed. The
/// result is a <see cref="DoseResponseResult"/> of two groups — non-participants first — whose
/// adjusted rates are the participants' without and with the service.
/// </summary>
public static class Comparison
{
    /// <summary>The label of the persons who did not take part.</summary>
    public const string NonParticipants = "similar non-participants";

    /// <summary>The label of the persons who took part.</summary>
    public const string Participants = "participants";

    /// <summary>Compares persons with <paramref name="participation"/> = 1 against those without, adjusted for <paramref name="traits"/>.</summary>
    /// <exception cref="ArgumentException">No participants or no non-participants.</exception>
    public static DoseResponseResult Estimate(IReadOnlyList<EvaluationUnit> units, string participation, IReadOnlyList<string> traits, int seed, int replicates = 500)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(traits);
        var treated = units.Select(u => Covariates.Category(u, participation) == "1").ToArray();
        var (n1, n0) = (treated.Count(t => t), treated.Count(t => !t));
        if (n1 == 0 || n0 == 0)
        {
            throw new ArgumentException($"Everyone {(n1 == 0 ? "lacks" : "has")} '{participation}': there is no one to compare with.", nameof(units));
        }

        var outcomes = units.Select(u => u.Outcome).ToArray();
        long Hits(bool group) => Enumerable.Range(0, units.Count).LongCount(i => treated[i] == group && outcomes[i]);
        var (o1, o0) = (Hits(true), Hits(false));
        var covariates = Covariates.For(units, [.. traits.Where(t => t != participation)]);
        var x = covariates.Design(units);
        var all = Enumerable.Range(0, units.Count).ToArray();
        var point = Att(x, treated, outcomes, all);
        var random = new Random(seed);
        var draws = Enumerable.Range(0, replicates).Select(_ => Att(x, treated, outcomes, [.. all.Select(_ => random.Next(units.Count))])).Where(d => double.IsFinite(d.Without)).ToList();
        var bands = new List<DoseResponseBand>
        {
            new(NonParticipants, n0, o0, Proportions.Wilson(o0, n0), Interval.Percentile(point.Without, draws.Select(d => d.Without))),
            new(Participants, n1, o1, Proportions.Wilson(o1, n1), Interval.Percentile(point.With, draws.Select(d => d.With))),
        };
        var contrast = new DoseContrast(Participants, NonParticipants, Proportions.Difference(o1, n1, o0, n0), Proportions.Ratio(o1, n1, o0, n0),
            Interval.Percentile(point.With - point.Without, draws.Select(d => d.With - d.Without)),
            point.Without > 0 ? Interval.Percentile(point.With / point.Without, draws.Where(d => d.Without > 0).Select(d => d.With / d.Without)) : null);
        return new DoseResponseResult(bands, [contrast], Balance(units, covariates, x, treated), [.. traits.Where(t => t != participation)], seed, replicates, 0);
    }

    // The participants' rate with the service (observed) and without it (doubly robust), over the persons picked.
    private static (double With, double Without) Att(Matrix<double> x, bool[] treated, bool[] outcomes, int[] picked)
    {
        var rows = Matrix<double>.Build.DenseOfRowVectors(picked.Select(x.Row));
        var t = picked.Select(i => treated[i]).ToArray();
        var y = picked.Select(i => outcomes[i] ? 1.0 : 0.0).ToArray();
        if (!t.Any(v => v) || t.All(v => v))
        {
            return (double.NaN, double.NaN);
        }

        var propensity = LogisticRegression.Fit(rows, Vector<double>.Build.Dense(t.Length, i => t[i] ? 1 : 0));
        var controls = Enumerable.Range(0, t.Length).Where(i => !t[i]).ToArray();
        var outcome = LogisticRegression.Fit(Matrix<double>.Build.DenseOfRowVectors(controls.Select(rows.Row)), Vector<double>.Build.Dense(controls.Length, i => y[controls[i]]));
        double with = 0, without = 0, n1 = 0;
        for (var i = 0; i < t.Length; i++)
        {
            var m0 = outcome.Predict(rows.Row(i));
            if (t[i])
            {
                (with, without, n1) = (with + y[i], without + m0, n1 + 1);
            }
            else
            {
                var e = Math.Clamp(propensity.Predict(rows.Row(i)), DoseResponse.PropensityFloor, 1 - DoseResponse.PropensityFloor);
                without += e / (1 - e) * (y[i] - m0);
            }
        }

        return (with / n1, without / n1);
    }

    // Each category's share among participants and non-participants, before and after weighting non-participants by e/(1−e).
    private static List<BalanceRow> Balance(IReadOnlyList<EvaluationUnit> units, Covariates covariates, Matrix<double> x, bool[] treated)
    {
        var propensity = LogisticRegression.Fit(x, Vector<double>.Build.Dense(units.Count, i => treated[i] ? 1 : 0));
        var weight = Enumerable.Range(0, units.Count).Select(i =>
        {
            var e = Math.Clamp(propensity.Predict(x.Row(i)), DoseResponse.PropensityFloor, 1 - DoseResponse.PropensityFloor);
            return treated[i] ? 1 : e / (1 - e);
        }).ToArray();
        var rows = new List<BalanceRow>();
        foreach (var (trait, category) in covariates.Levels)
        {
            var has = units.Select(u => Covariates.Category(u, trait) == category ? 1.0 : 0.0).ToArray();
            (double Raw, double Weighted) Share(bool group)
            {
                var members = Enumerable.Range(0, units.Count).Where(i => treated[i] == group).ToList();
                return (members.Average(i => has[i]), members.Sum(i => has[i] * weight[i]) / members.Sum(i => weight[i]));
            }

            rows.Add(BalanceRow.Of(trait, category, Participants, NonParticipants, Share(true), Share(false)));
        }

        return rows;
    }
}
