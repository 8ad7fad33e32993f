namespace Tessera.Storage.Evaluation;

/// <summary>
/// An evaluation's main table as CSV and Excel write it: the header each kind's command promises
/// (agencies' scripts read these) and one row per band, group or estimate. Figures that cannot be
/// computed are empty, and so are small cells when the table goes beyond the licensee.
/// </summary>
public static class EvaluationTable
{
    /// <summary>Dose-response's header.</summary>
    public const string DoseResponseHeader = "band,persons,outcomes,rate,ci_low,ci_high,adjusted_rate,adjusted_ci_low,adjusted_ci_high";

    /// <summary>A comparison of participants with similar non-participants: dose-response's columns by group.</summary>
    public const string CompareHeader = "group,persons,outcomes,rate,ci_low,ci_high,adjusted_rate,adjusted_ci_low,adjusted_ci_high";

    /// <summary>Disparity's header.</summary>
    public const string DisparityHeader = "group,persons,outcomes,rate,ratio,ci_low,ci_high";

    /// <summary>Regression discontinuity's header.</summary>
    public const string RddHeader = "estimate,se,ci_low,ci_high,bandwidth,n_left,n_right,density_p";

    /// <summary>Before-and-after's header (quarter: relative to the one the service started in).</summary>
    public const string BeforeAfterHeader = "quarter,persons,outcomes,rate,ci_low,ci_high";

    /// <summary>The header of <paramref name="record"/>'s table.</summary>
    public static IReadOnlyList<string> Header(EvaluationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (record.Kind switch { "dose-response" => DoseResponseHeader, "compare" => CompareHeader, "disparity" => DisparityHeader, "before-after" => BeforeAfterHeader, _ => RddHeader }).Split(',');
    }

    /// <summary>The rows of <paramref name="record"/>'s table, cells as numbers (rounded to six decimals), text or null; small cells empty when <paramref name="shared"/>.</summary>
    public static IEnumerable<object?[]> Rows(EvaluationRecord record, bool shared = false)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.DoseResponse is { } dose)
        {
            foreach (var band in dose.Bands)
            {
                yield return shared && record.IsSmall(band.Band)
                    ? [band.Band, null, null, null, null, null, null, null, null]
                    : [band.Band, band.Persons, band.Outcomes, N(band.Rate.Estimate), N(band.Rate.Low), N(band.Rate.High), N(band.Adjusted?.Estimate), N(band.Adjusted?.Low), N(band.Adjusted?.High)];
            }
        }
        else if (record.Disparity is { } groups)
        {
            foreach (var group in groups)
            {
                yield return shared && record.IsSmall(group.Group)
                    ? [group.Group, null, null, null, null, null, null]
                    : [group.Group, group.Persons, group.Outcomes, N(group.Rate.Estimate), N(group.Ratio.Estimate), N(group.Ratio.Low), N(group.Ratio.High)];
            }
        }
        else if (record.BeforeAfter is { } around)
        {
            foreach (var q in around.Quarters)
            {
                var label = q.Quarter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                yield return shared && record.IsSmall(label)
                    ? [q.Quarter, null, null, null, null, null]
                    : [q.Quarter, q.Persons, q.Outcomes, N(q.Rate.Estimate), N(q.Rate.Low), N(q.Rate.High)];
            }
        }
        else if (record.Rdd is { } rdd)
        {
            yield return [N(rdd.Estimate), N(rdd.Se), N(rdd.CiLow), N(rdd.CiHigh), N(rdd.Bandwidth), rdd.NLeft, rdd.NRight, N(rdd.DensityP)];
        }
    }

    /// <summary>A number as tables show it: six decimals at most, nothing when it cannot be computed.</summary>
    public static double? N(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 6) : null;
}
