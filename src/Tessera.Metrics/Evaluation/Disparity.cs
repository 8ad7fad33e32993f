namespace Tessera.Metrics.Evaluation;

/// <summary>
/// A metric's rate by group (race, ethnicity, sex …) and each group's ratio to a reference group.
/// Rates count the metric's own units (exits, episodes), so the groups add up to the metric's
/// figure; a person with several units is one cluster, and the intervals allow for that (a
/// cluster-robust variance of each rate; the ratio's interval on the log scale, Katz's when every
/// person has one unit). The reference is a group, or <see cref="Others"/>: each group against
/// everyone outside it. Persons without a recorded category are their own group ("unknown", or what
/// the metric calls it, e.g. "Declined").
/// </summary>
public static class Disparity
{
    /// <summary>The reference meaning "everyone not in the group".</summary>
    public const string Others = "others";

    /// <summary>The rates of <paramref name="units"/> (the metric's rows) by <paramref name="trait"/> against <paramref name="reference"/>.</summary>
    /// <exception cref="ArgumentException">The reference group has no one in it; the message lists the groups there are.</exception>
    public static IReadOnlyList<DisparityRow> Estimate(IReadOnlyList<EvaluationUnit> units, string trait, string reference)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(reference);
        var groups = units.GroupBy(u => Covariates.Category(u, trait), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var against = groups.FirstOrDefault(g => string.Equals(g.Key, reference, StringComparison.OrdinalIgnoreCase));
        if (reference != Others && against is null)
        {
            throw new ArgumentException($"No one is in the reference group '{reference}'. The groups are: {string.Join(", ", groups.Select(g => g.Key))} (or '{Others}' for everyone outside each group).", nameof(reference));
        }

        var referenceRate = against is null ? null : Rate([.. against]);
        return [.. groups.Select(g =>
        {
            var rate = Rate([.. g]);
            var isReference = against is not null && g.Key == against.Key;
            var other = referenceRate ?? Rate([.. units.Where(u => Covariates.Category(u, trait) != g.Key)]);
            return new DisparityRow(g.Key, g.Select(u => u.PersonId).Distinct(StringComparer.Ordinal).LongCount(), g.LongCount(), g.LongCount(u => u.Outcome),
                rate.Interval, isReference ? new Interval(1, 1, 1) : Ratio(rate, other), isReference);
        })];
    }

    private static Interval Ratio(ClusteredRate a, ClusteredRate b)
    {
        if (a.Value <= 0 || b.Value <= 0)
        {
            return new Interval(double.NaN, double.NaN, double.NaN);
        }

        var ratio = a.Value / b.Value;
        var se = Math.Sqrt((a.Variance / (a.Value * a.Value)) + (b.Variance / (b.Value * b.Value)));
        return new Interval(ratio, ratio * Math.Exp(-Proportions.Z95 * se), ratio * Math.Exp(Proportions.Z95 * se));
    }

    // A rate over units clustered in persons: its value, cluster-robust variance and a Wilson interval at the effective sample size.
    private static ClusteredRate Rate(IReadOnlyList<EvaluationUnit> units)
    {
        if (units.Count == 0)
        {
            return new ClusteredRate(double.NaN, double.NaN, new Interval(double.NaN, double.NaN, double.NaN));
        }

        double n = units.Count;
        var value = units.Count(u => u.Outcome) / n;
        var clusters = units.GroupBy(u => u.PersonId, StringComparer.Ordinal).Select(g => (Units: g.Count(), Outcomes: g.Count(u => u.Outcome))).ToList();
        var c = clusters.Count;
        var variance = c < 2 ? double.NaN : clusters.Sum(k => Math.Pow(k.Outcomes - (value * k.Units), 2)) / (n * n) * c / (c - 1);
        var binomial = value * (1 - value) / n;
        var effective = variance > 0 && binomial > 0 ? Math.Min(n, n * binomial / variance) : n;
        return new ClusteredRate(value, variance, Proportions.Wilson(value, effective));
    }

    private sealed record ClusteredRate(double Value, double Variance, Interval Interval);
}

/// <summary>One group's rate and its ratio to the reference.</summary>
/// <param name="Group">The category, e.g. "Black, African American or African".</param>
/// <param name="Persons">Persons in the group.</param>
/// <param name="Units">The metric's units (rows) of those persons: the rate's denominator.</param>
/// <param name="Outcomes">Units with the outcome: the rate's numerator.</param>
/// <param name="Rate">The rate with its 95% interval.</param>
/// <param name="Ratio">The rate over the reference's, with its 95% interval (1 for the reference itself; NaN when a rate is 0).</param>
/// <param name="IsReference">True for the reference group.</param>
public sealed record DisparityRow(string Group, long Persons, long Units, long Outcomes, Interval Rate, Interval Ratio, bool IsReference);
