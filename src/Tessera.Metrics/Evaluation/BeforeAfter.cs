namespace Tessera.Metrics.Evaluation;

/// <summary>
/// An outcome followed quarter by quarter around the day each person's service started — the
/// two-generation question "does a parent's employment change once the child's care is
/// subsidised?". Every calendar quarter the data cover counts for every person: before (up to and
/// including the quarter the service started in) or after. The pooled rates before and after and
/// their difference carry intervals that allow for a person's quarters going together (a
/// cluster-robust variance); the rate in each quarter relative to the start draws the picture. A
/// before-and-after difference is not an effect on its own: anything else that changed for these
/// persons over the same time (the economy, their children growing up) is in it too.
/// </summary>
public static class BeforeAfter
{
    /// <summary>Follows <paramref name="starts"/> (person → the day their service started) over the quarters from <paramref name="firstQuarter"/> to <paramref name="lastQuarter"/>, with the quarters each had the outcome in <paramref name="outcomeQuarters"/>; relative quarters from −<paramref name="window"/> to +<paramref name="window"/> are pictured.</summary>
    public static BeforeAfterResult Estimate(IReadOnlyDictionary<string, DateOnly> starts, IReadOnlyDictionary<string, HashSet<DateOnly>> outcomeQuarters, DateOnly firstQuarter, DateOnly lastQuarter, int window)
    {
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(outcomeQuarters);
        var quarters = new List<DateOnly>();
        for (var q = QuarterOf(firstQuarter); q <= lastQuarter; q = q.AddMonths(3))
        {
            quarters.Add(q);
        }

        var byRelative = new Dictionary<int, (long Persons, long Outcomes)>();
        var perPerson = new List<(long BeforeQuarters, long BeforeOutcomes, long AfterQuarters, long AfterOutcomes)>();
        foreach (var (person, start) in starts)
        {
            var had = outcomeQuarters.GetValueOrDefault(person);
            var startQuarter = QuarterOf(start);
            long bq = 0, bo = 0, aq = 0, ao = 0;
            foreach (var quarter in quarters)
            {
                var relative = ((quarter.Year - startQuarter.Year) * 4) + ((quarter.Month - startQuarter.Month) / 3);
                var outcome = had?.Contains(quarter) == true;
                if (relative >= 1)
                {
                    (aq, ao) = (aq + 1, ao + (outcome ? 1 : 0));
                }
                else
                {
                    (bq, bo) = (bq + 1, bo + (outcome ? 1 : 0));
                }

                if (Math.Abs(relative) <= window)
                {
                    var (p, o) = byRelative.GetValueOrDefault(relative);
                    byRelative[relative] = (p + 1, o + (outcome ? 1 : 0));
                }
            }

            perPerson.Add((bq, bo, aq, ao));
        }

        var (nb, ob, na, oa) = (perPerson.Sum(p => p.BeforeQuarters), perPerson.Sum(p => p.BeforeOutcomes), perPerson.Sum(p => p.AfterQuarters), perPerson.Sum(p => p.AfterOutcomes));
        var before = nb == 0 ? double.NaN : (double)ob / nb;
        var after = na == 0 ? double.NaN : (double)oa / na;
        var c = perPerson.Count;
        double Squares(Func<(long BeforeQuarters, long BeforeOutcomes, long AfterQuarters, long AfterOutcomes), double> influence) =>
            c < 2 ? double.NaN : perPerson.Sum(p => Math.Pow(influence(p), 2)) * c / (c - 1);
        var varBefore = Squares(p => (p.BeforeOutcomes - (before * p.BeforeQuarters)) / nb);
        var varAfter = Squares(p => (p.AfterOutcomes - (after * p.AfterQuarters)) / na);
        var varDifference = Squares(p => ((p.AfterOutcomes - (after * p.AfterQuarters)) / na) - ((p.BeforeOutcomes - (before * p.BeforeQuarters)) / nb));
        Interval Normal(double estimate, double variance) =>
            new(estimate, estimate - (Proportions.Z95 * Math.Sqrt(variance)), estimate + (Proportions.Z95 * Math.Sqrt(variance)));
        var rows = byRelative.OrderBy(r => r.Key).Select(r => new BeforeAfterQuarter(r.Key, r.Value.Persons, r.Value.Outcomes, Proportions.Wilson(r.Value.Outcomes, r.Value.Persons))).ToList();
        return new BeforeAfterResult(rows, Normal(before, varBefore), Normal(after, varAfter), Normal(after - before, varDifference), nb, na, c, QuarterOf(firstQuarter), lastQuarter);
    }

    /// <summary>The first day of <paramref name="day"/>'s calendar quarter.</summary>
    public static DateOnly QuarterOf(DateOnly day) => new(day.Year, (((day.Month - 1) / 3) * 3) + 1, 1);
}

/// <summary>A before-and-after view.</summary>
/// <param name="Quarters">The rate in each quarter relative to the start (0: the quarter it started in).</param>
/// <param name="Before">The pooled rate over person-quarters before (and in) the start quarter.</param>
/// <param name="After">The pooled rate over person-quarters after it.</param>
/// <param name="Difference">After less before, with its cluster-robust interval.</param>
/// <param name="QuartersBefore">Person-quarters before.</param>
/// <param name="QuartersAfter">Person-quarters after.</param>
/// <param name="Persons">Persons followed.</param>
/// <param name="FirstQuarter">The first calendar quarter the data cover.</param>
/// <param name="LastQuarter">The last.</param>
public sealed record BeforeAfterResult(
    IReadOnlyList<BeforeAfterQuarter> Quarters, Interval Before, Interval After, Interval Difference, long QuartersBefore, long QuartersAfter, int Persons, DateOnly FirstQuarter, DateOnly LastQuarter);

/// <summary>One relative quarter: persons observed in it, those with the outcome, the rate.</summary>
public sealed record BeforeAfterQuarter(int Quarter, long Persons, long Outcomes, Interval Rate);
