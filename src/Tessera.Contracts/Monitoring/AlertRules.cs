using MathNet.Numerics.Distributions;
using Tessera.Contracts.Agreements;

namespace Tessera.Contracts.Monitoring;

/// <summary>
/// When a contract metric raises an alert — and, as much, when it does not: active contract
/// management acts at once on a real change, but a manager alerted on every dip stops reading.
/// Two kinds of rule, each read only on the side where the metric gets worse:
/// <list type="bullet">
/// <item><b>Leaving the target band</b>: two periods in a row off track (one is a dip), and for a
/// rate the two together off track beyond chance (<see cref="BandSignificance"/>). Raised once
/// per run of off-track periods: the metric must come back to watch or on track first.</item>
/// <item><b>Control-chart rules</b> (rates only): a p-chart whose centre line is the provider's own
/// rate before the contract (with the first six contract periods when there are fewer than six before),
/// with limits by each period's denominator, read with the Western Electric rules.</item>
/// </list>
/// </summary>
public static class AlertRules
{
    /// <summary>Periods needed before the contract to use them as the control chart's baseline.</summary>
    public const int BaselinePeriods = 6;

    /// <summary>The alerts <paramref name="series"/> raises, by period.</summary>
    public static IReadOnlyList<Alert> Find(MetricSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var alerts = new List<Alert>();
        Alert New(SeriesPeriod p, string rule, double value, double expected, double? lower, double? upper) =>
            new(series.Contract, series.Provider, series.Metric, p.Start, p.End, rule, value, expected, lower, upper);

        var run = new List<SeriesPeriod>();
        var raised = false;
        foreach (var period in series.Periods.Where(p => p.Start >= series.ContractStart && p.Target is not null))
        {
            var band = TargetBands.Classify(period.Value, period.Target!.Value, period.Watch, series.HigherIsBetter);
            if (band == TargetBand.NoData)
            {
                continue;
            }

            if (band != TargetBand.OffTrack)
            {
                (run, raised) = ([], false);
                continue;
            }

            run.Add(period);
            if (!raised && run.Count >= 2 && (!series.IsRate || BeyondTheBand(series, run[^2], period)))
            {
                raised = true;
                var (target, watch) = (period.Target.Value, period.Watch);
                alerts.Add(New(period, Alert.LeftTargetBand, period.Value!.Value, (double)target,
                    series.HigherIsBetter ? (double)(target - watch) : null, series.HigherIsBetter ? null : (double)(target + watch)));
            }
        }

        if (series.IsRate)
        {
            var counted = series.Periods.Where(p => p.Denominator > 0 && p.Numerator is not null).OrderBy(p => p.Start).ToList();
            var before = counted.Count(p => p.Start < series.ContractStart);
            var chart = ControlChart.Of(counted.Select(p => (p.Start, p.End, p.Numerator!.Value, p.Denominator!.Value)), before >= BaselinePeriods ? before : before + BaselinePeriods);
            foreach (var signal in ControlChart.Signals(chart, series.HigherIsBetter).Where(s => s.Point.PeriodStart >= series.ContractStart))
            {
                var point = signal.Point;
                alerts.Add(New(counted.First(p => p.Start == point.PeriodStart), signal.RuleCode, point.Value, point.Expected, point.LowerLimit, point.UpperLimit));
            }
        }

        return [.. alerts.OrderBy(a => a.PeriodStart).ThenBy(a => a.Rule, StringComparer.Ordinal)];
    }

    /// <summary>The one-sided significance at which two off-track periods of a rate count as having left the band.</summary>
    public const double BandSignificance = 0.05;

    /// <summary>
    /// True when the two periods together are off track beyond chance: were the true rate at the
    /// band's edge (target minus watch when higher is better), a pooled figure this bad would occur
    /// less than <see cref="BandSignificance"/> of the time. A provider of two referrals a month is
    /// not alerted for 0 of 2 twice.
    /// </summary>
    private static bool BeyondTheBand(MetricSeries series, SeriesPeriod first, SeriesPeriod second)
    {
        if (first.Numerator is not { } x1 || second.Numerator is not { } x2 || first.Denominator is not { } n1 || second.Denominator is not { } n2 || n1 + n2 == 0)
        {
            return true;
        }

        var edge = (double)(series.HigherIsBetter ? second.Target!.Value - second.Watch : second.Target!.Value + second.Watch);
        var (x, n) = ((int)(x1 + x2), (int)(n1 + n2));
        var tail = series.HigherIsBetter
            ? edge <= 0 ? 1 : edge >= 1 ? 0 : Binomial.CDF(edge, n, x)
            : edge >= 1 ? 1 : edge <= 0 ? 0 : x == 0 ? 1 : 1 - Binomial.CDF(edge, n, x - 1);
        return tail < BandSignificance;
    }
}
