using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Governance.Disclosure;
using Tessera.Metrics.Evaluation;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Metrics;

namespace Tessera.Storage.Management;

/// <summary>
/// A contract dashboard's equity tab: each of the contract's rate measures for the provider's
/// clients over the latest twelve months with results, by the race (or another characteristic)
/// the metric records, each group against everyone else — read from the published, suppressed
/// results (the strata every computation publishes), never from person-level data. Groups of 1 to
/// 10 persons or outcomes, and the cells that would reveal them, are hidden.
/// </summary>
public static class EquityView
{
    /// <summary>The characteristic the tab groups by unless asked otherwise.</summary>
    public const string DefaultCharacteristic = "race";

    /// <summary>The equity view of contract <paramref name="id"/> by <paramref name="by"/>.</summary>
    /// <exception cref="AccessDeniedException">Not found: no such contract, or not the caller's.</exception>
    public static EquityTab Of(Caller caller, string id, string by = DefaultCharacteristic)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var scope = new ManagementScope(caller);
        caller.Permit(Capability.ViewManagement, AuditAction.Read, $"equity view of contract {id} by {by}", inScope: scope.SeesContract(id));
        var contract = scope.All[id].Contract;
        var workspace = caller.Workspace;
        var catalog = MetricCatalog.Load(workspace);
        var providers = ProviderRegistry.All(workspace).Values.Select(p => p.Provider).ToList();
        var store = new PublishedMetrics(workspace);
        var measures = new List<EquityMeasure>();
        foreach (var metric in contract.Metrics.Select(m => m.Metric).Distinct(StringComparer.Ordinal))
        {
            var definition = MetricCatalog.Find(catalog, metric).Definition;
            var trait = definition.AdjustFor.FirstOrDefault(t => t.Name == by);
            var breakdown = ProviderBreakdown.For(definition, providers);
            var run = store.LatestRun(metric);
            if (trait is null || definition.Value != "rate" || breakdown is null || run is null)
            {
                measures.Add(new EquityMeasure(metric, definition.Title, null, null, [], trait is null ? $"The metric records no {by}." : "Not yet computed by provider."));
                continue;
            }

            var strata = store.Strata(run.Id, breakdown.Group).Where(s => breakdown.ProviderOf(s.GroupValue) == contract.Provider.Value).ToList();
            if (strata.Count == 0)
            {
                measures.Add(new EquityMeasure(metric, definition.Title, null, null, [], "No results for this provider yet."));
                continue;
            }

            var end = strata.Max(s => s.PeriodStart);
            var from = new DateOnly(end.Year, end.Month, 1).AddMonths(-11);
            var groups = strata.Where(s => s.PeriodStart >= from)
                .GroupBy(s => Category(s.Stratum, by), StringComparer.Ordinal)
                .Select(g => (Group: g.Key, Cases: g.Sum(s => s.Cases), Hits: g.Sum(s => s.Hits)))
                .OrderBy(g => g.Group, StringComparer.Ordinal).ToList();
            var (cases, hits) = (groups.Sum(g => g.Cases), groups.Sum(g => g.Hits));
            var figures = groups.Select(g => new Figure(by, g.Group, "year", g.Hits, g.Cases)).Append(new Figure("all", "all", "year", hits, cases)).ToList();
            var shown = SmallCellSuppression.Apply(figures);
            var rows = groups.Select((g, i) => shown[i] != Suppression.None
                ? new EquityRow(g.Group, null, null, null, null)
                : new EquityRow(g.Group, g.Cases, g.Hits, Proportions.Wilson(g.Hits, g.Cases), Proportions.Ratio(g.Hits, g.Cases, hits - g.Hits, cases - g.Cases))).ToList();
            measures.Add(new EquityMeasure(metric, definition.Title, from, end.AddMonths(1).AddDays(-1), rows,
                rows.Any(r => r.Cases is null) ? "Groups of 1 to 10, and those that would reveal them, are hidden." : null));
        }

        return new EquityTab(contract.Id.Value, contract.Provider.Value, by, measures);
    }

    // "prior_prison:1;race:BLACK" → "BLACK" for race.
    private static string Category(string stratum, string by) =>
        stratum.Split(';').Select(p => p.Split(':', 2)).FirstOrDefault(p => p.Length == 2 && p[0] == by)?[1] ?? "unknown";
}

/// <summary>A contract's equity tab.</summary>
public sealed record EquityTab(string Contract, string Provider, string By, IReadOnlyList<EquityMeasure> Measures);

/// <summary>One measure by group, over its twelve months (none when it cannot be shown, with why).</summary>
public sealed record EquityMeasure(string Metric, string Title, DateOnly? From, DateOnly? To, IReadOnlyList<EquityRow> Rows, string? Note);

/// <summary>One group: cases, outcomes, the rate with its interval and the ratio to everyone else with its interval — all null when hidden.</summary>
public sealed record EquityRow(string Group, long? Cases, long? Outcomes, Interval? Rate, Interval? Ratio);
