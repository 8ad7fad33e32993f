using Tessera.Governance.Disclosure;

namespace Tessera.Storage.Metrics;

/// <summary>
/// Metric results on their way to a page, an export or the API: exact for users authorised for
/// person-level data, otherwise passed through the one small-cell suppression service with the
/// overall figures of each period as the totals its breakdown adds up to.
/// </summary>
public static class MetricPublication
{
    /// <summary>The latest results of <paramref name="metricId"/> for <paramref name="group"/> as <paramref name="exact"/> or suppressed figures.</summary>
    public static IReadOnlyList<PublishedResult> Publish(MetricStore store, string metricId, string group, bool exact, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var shown = store.Results(metricId, group, from, to);
        if (exact)
        {
            return shown.Select(r => new PublishedResult(r, Suppression.None)).ToList();
        }

        var totals = group == "all" ? [] : store.Results(metricId, "all", from, to);
        var figures = totals.Concat(shown).Select(r => new Figure(r.Group, r.GroupValue, r.PeriodStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Count(r, numerator: true), Count(r, numerator: false))).ToList();
        var hidden = SmallCellSuppression.Apply(figures);
        return shown.Select((r, i) => new PublishedResult(r, hidden[totals.Count + i])).ToList();
    }

    // Counts that reveal persons: a count metric's count is its numerator; means, medians and sums rest on their denominator.
    private static long? Count(MetricResult result, bool numerator) => numerator ? result.Numerator : result.Denominator;
}
