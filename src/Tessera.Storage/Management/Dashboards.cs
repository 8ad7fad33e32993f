using Tessera.Contracts.Agreements;
using Tessera.Contracts.Benchmarks;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Governance.Disclosure;
using Tessera.Metrics.Results;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Metrics;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Management;

/// <summary>
/// Performance dashboards read from the published results (never the vault): a program's
/// providers ranked on a metric over a year, with a funnel plot so a small provider is not
/// over-read, and each provider's year against the one before. Beyond administrators, figures obey
/// small-cell suppression (complementary included): a hidden provider is neither ranked nor plotted.
/// </summary>
public static class Dashboards
{
    /// <summary>
    /// The program's providers on <paramref name="metric"/> over the twelve months ending with the
    /// latest month with results (or ending <paramref name="to"/>; or from <paramref name="from"/>),
    /// raw and — when the metric names characteristics to adjust for and its run counted them —
    /// adjusted for client mix by indirect standardisation.
    /// </summary>
    /// <exception cref="AccessDeniedException">Not found: a program whose contracts the caller does not manage, or a metric not in its contracts.</exception>
    public static ProgramDashboard Program(Caller caller, string program, string metric, DateOnly? to = null, DateOnly? from = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var scope = new ManagementScope(caller);
        var inProgram = scope.All.Values.Where(c => c.Contract.Program == program).ToList();
        caller.Permit(Capability.ViewManagement, AuditAction.Read, $"dashboard of program {program}, {metric}",
            inScope: scope.SeesProgram(program) && inProgram.Any(c => c.Contract.Metrics.Any(m => m.Metric == metric)));
        var exact = AccessPolicy.Permits(caller.User, Capability.ViewMetricPersons);
        return Kept(caller.Workspace, scope.Publication, exact, program, metric, to, from);
    }

    /// <summary>The program dashboard as of <paramref name="publication"/>, worked out once per publication (<see cref="PublishedFigures"/>).</summary>
    internal static ProgramDashboard Kept(Workspace workspace, Publication publication, bool exact, string program, string metric, DateOnly? to = null, DateOnly? from = null) =>
        PublishedFigures.Get(workspace, publication, $"program|{program}|{metric}|{to:O}|{from:O}|{exact}", () => ProgramFigures(workspace, exact, program, metric, to, from));

    /// <summary>
    /// The program dashboard without a permission check: every figure <paramref name="exact"/>, or
    /// suppressed but for <paramref name="exactFor"/>'s own (a contract's own dashboard).
    /// </summary>
    private static ProgramDashboard ProgramFigures(Workspace workspace, bool exact, string program, string metric, DateOnly? to = null, DateOnly? start = null, string? exactFor = null)
    {
        var definition = MetricCatalog.Find(MetricCatalog.Load(workspace), metric).Definition;
        var providers = ProviderRegistry.All(workspace);
        var breakdown = ProviderBreakdown.For(definition, providers.Values.Select(p => p.Provider));
        var store = new PublishedMetrics(workspace);
        var run = store.LatestRun(metric);
        var results = breakdown is null ? [] : store.Results(metric, breakdown.Group);
        var end = to ?? (results.Count > 0 ? results.Max(r => r.PeriodEnd) : DateOnly.FromDateTime(workspace.UtcNow));
        var from = start ?? new DateOnly(end.Year, end.Month, 1).AddMonths(-11);
        var byProvider = breakdown?.ByProvider(results) ?? [];
        var members = providers.Values.Where(p => p.Provider.Program == program).OrderBy(p => p.Provider.Id.Value, StringComparer.Ordinal).ToList();
        var isRate = definition.Value == "rate";
        var higherIsBetter = definition.Polarity != "lower_is_better";
        var year = members.Select(p => (p.Provider, Figures: Pool(byProvider.GetValueOrDefault(p.Provider.Id.Value) ?? [], from, end),
            Before: Pool(byProvider.GetValueOrDefault(p.Provider.Id.Value) ?? [], from.AddYears(-1), from.AddDays(-1)))).Where(p => p.Figures.Denominator > 0).ToList();

        var hidden = exact ? year.Select(_ => false).ToList() : Hide(year.Select(p => p.Figures).ToList(), isRate);
        var own = year.FindIndex(p => p.Provider.Id.Value == exactFor);
        var shown = year.Where((_, i) => !hidden[i]).ToList();
        var funnel = isRate ? FunnelPlot.Of(shown.Select(p => (p.Provider.Id.Value, p.Figures.Numerator, p.Figures.Denominator))) : null;
        var ranked = shown.OrderBy(p => higherIsBetter ? -p.Figures.Value : p.Figures.Value).Select((p, i) => (p.Provider.Id.Value, Rank: i + 1)).ToDictionary(p => p.Value, p => p.Rank, StringComparer.Ordinal);
        // Client mix: cases and hits per stratum of the program's providers in the window, standardised indirectly.
        var inProgram = members.Select(p => p.Provider.Id.Value).ToHashSet(StringComparer.Ordinal);
        var strata = isRate && run is not null && breakdown is not null && definition.AdjustFor.Count > 0
            ? store.Strata(run.Id, breakdown.Group).Where(x => x.PeriodStart >= from && x.PeriodStart <= end)
                .Select(x => (Provider: breakdown.ProviderOf(x.GroupValue), x.Stratum, x.Cases, x.Hits)).Where(x => x.Provider is not null && inProgram.Contains(x.Provider)).ToList()
            : [];
        var adjusted = ClientMix.Standardise(strata.Select(x => (x.Provider!, x.Stratum, x.Cases, x.Hits))).ToDictionary(a => a.Provider, StringComparer.Ordinal);
        var adjustedFor = definition.AdjustFor.Where(t => strata.Any(x => x.Stratum.Contains(t.Name + ":", StringComparison.Ordinal))).Select(t => t.Description ?? t.Name).ToList();
        var adjustedShown = shown.Where(p => adjusted.ContainsKey(p.Provider.Id.Value)).ToList();
        var adjustedRanks = adjustedShown.OrderBy(p => higherIsBetter ? -adjusted[p.Provider.Id.Value].Adjusted : adjusted[p.Provider.Id.Value].Adjusted)
            .Select((p, i) => (p.Provider.Id.Value, Rank: i + 1)).ToDictionary(p => p.Value, p => p.Rank, StringComparer.Ordinal);
        FunnelPoint AdjustedPoint(string id)
        {
            var a = adjusted[id];
            var (l95, u95, l998, u998) = FunnelPlot.Limits(funnel!.Centre, a.Cases);
            return new FunnelPoint(id, a.Observed, a.Cases, a.Adjusted, l95, u95, l998, u998);
        }

        var adjustedFunnel = adjustedFor.Count > 0 && funnel is not null ? new FunnelChart(funnel.Centre, [.. adjustedShown.Select(p => AdjustedPoint(p.Provider.Id.Value))]) : null;
        ProviderStanding WithAdjustment(ProviderStanding standing) => adjustedFunnel is null || standing.Hidden || !adjusted.TryGetValue(standing.Provider, out var a) ? standing : standing with
        {
            Adjusted = a.Adjusted,
            Expected = a.Expected,
            AdjustedRank = adjustedRanks.TryGetValue(standing.Provider, out var r) ? r : null,
            AdjustedPosition = AdjustedPoint(standing.Provider).PositionWords(higherIsBetter),
        };

        var standings = year.Select((p, i) => hidden[i] && i != own
                ? new ProviderStanding(p.Provider.Id.Value, p.Provider.Name, null, null, null, null, null, null, true)
                : new ProviderStanding(p.Provider.Id.Value, p.Provider.Name, isRate ? p.Figures.Numerator : null, p.Figures.Denominator, p.Figures.Value,
                    p.Before.Denominator > 0 && (exact || i == own || !Small(p.Before, isRate)) ? p.Before.Value : null, ranked.TryGetValue(p.Provider.Id.Value, out var rank) ? rank : null,
                    funnel is null ? null : FunnelPoint.Of(p.Provider.Id.Value, p.Figures.Numerator, p.Figures.Denominator, funnel.Centre).PositionWords(higherIsBetter), false))
            .Select(WithAdjustment).OrderBy(s => s.Rank ?? int.MaxValue).ThenBy(s => s.Provider, StringComparer.Ordinal).ToList();
        return new ProgramDashboard(program, metric, definition.Title, higherIsBetter, isRate, from, end, standings, funnel, run?.AsOf, run?.ComputedUtc, exact, adjustedFor, adjustedFunnel);
    }

    /// <summary>
    /// A contract's metrics at a glance: the provider's exact figures (theirs to see), against the
    /// period and the year before, with its rank and funnel position among the program's providers
    /// as the caller may see them.
    /// </summary>
    /// <exception cref="AccessDeniedException">Not found: no such contract, or not the caller's.</exception>
    public static ContractDashboard Contract(Caller caller, string id)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var scope = new ManagementScope(caller);
        caller.Permit(Capability.ViewManagement, AuditAction.Read, $"dashboard of contract {id}", inScope: scope.SeesContract(id));
        var registered = scope.All[id];
        var workspace = caller.Workspace;
        var publication = scope.Publication;
        var exact = AccessPolicy.Permits(caller.User, Capability.ViewMetricPersons);
        var open = Alerts.Raise(workspace, [registered], publication).Where(a => a.IsOpen).CountBy(a => a.Alert.Metric).ToDictionary(StringComparer.Ordinal);
        var dashboard = PublishedFigures.Get(workspace, publication, $"contract|{id}|{exact}", () => ContractFigures(workspace, exact, registered.Contract));
        return dashboard with { Metrics = [.. dashboard.Metrics.Select(m => m with { OpenAlerts = open.GetValueOrDefault(m.Metric) })] };
    }

    /// <summary>A contract's dashboard without a permission check, open alerts not counted.</summary>
    private static ContractDashboard ContractFigures(Workspace workspace, bool exact, Contract contract)
    {
        var catalog = MetricCatalog.Load(workspace);
        var store = new PublishedMetrics(workspace);
        var rows = ContractRegistry.Measure(workspace, contract, null, null);
        var standings = new List<ContractMetricStanding>();
        foreach (var metric in contract.Metrics)
        {
            var own = rows.Where(r => r.Metric == metric.Metric).ToList();
            var latest = own.LastOrDefault(r => r.Value is not null);
            var before = latest is null ? null : own.LastOrDefault(r => r.PeriodStart < latest.PeriodStart && r.Value is not null);
            var program = ProgramFigures(workspace, exact, contract.Program, metric.Metric, exactFor: contract.Provider.Value);
            var mine = program.Providers.FirstOrDefault(p => p.Provider == contract.Provider.Value);
            var run = store.LatestRun(metric.Metric);
            standings.Add(new ContractMetricStanding(metric.Metric, MetricCatalog.Find(catalog, metric.Metric).Definition.Title, latest?.PeriodStart, latest?.Value, before?.Value,
                mine?.Value, mine?.PreviousValue, latest?.Target ?? metric.TargetOn(contract.Start).Value, latest?.Band ?? "no_data",
                mine?.Rank, program.Providers.Count(p => p.Rank is not null), mine?.Position, 0, run?.AsOf, run?.ComputedUtc));
        }

        return new ContractDashboard(contract.Id.Value, contract.Provider.Value, contract.Program, standings, rows);
    }

    /// <summary>
    /// The people <paramref name="contract"/>'s provider served in the latest twelve months with
    /// results, and the program's providers together — on the contract's metric with the most cases.
    /// Exact, for scoring only: the counts are not shown.
    /// </summary>
    internal static (long Own, long Program) Cases(Workspace workspace, Contract contract)
    {
        var catalog = MetricCatalog.Load(workspace);
        var providers = ProviderRegistry.All(workspace);
        var store = new PublishedMetrics(workspace);
        var inProgram = providers.Values.Where(p => p.Provider.Program == contract.Program).Select(p => p.Provider.Id.Value).ToHashSet(StringComparer.Ordinal);
        (long Own, long Program) best = (0, 0);
        foreach (var metric in contract.Metrics)
        {
            if (ProviderBreakdown.For(MetricCatalog.Find(catalog, metric.Metric).Definition, providers.Values.Select(p => p.Provider)) is not { } breakdown)
            {
                continue;
            }

            var byProvider = breakdown.ByProvider(store.Results(metric.Metric, breakdown.Group));
            if (byProvider.Count == 0)
            {
                continue;
            }

            var end = byProvider.Values.SelectMany(r => r).Max(r => r.PeriodEnd);
            var from = new DateOnly(end.Year, end.Month, 1).AddMonths(-11);
            long Sum(string provider) => Pool(byProvider.GetValueOrDefault(provider) ?? [], from, end).Denominator;
            var program = inProgram.Sum(Sum);
            if (program > best.Program)
            {
                best = (Sum(contract.Provider.Value), program);
            }
        }

        return best;
    }

    /// <summary>A provider's figures pooled over a window: numerator and cases summed; the value their rate, or the case-weighted mean of the periods' values.</summary>
    private static (long Numerator, long Denominator, double Value) Pool(IReadOnlyList<MetricResult> figures, DateOnly from, DateOnly to)
    {
        var within = figures.Where(r => r.PeriodStart >= from && r.PeriodEnd <= to && r.Denominator > 0 && r.Value is not null).ToList();
        return (within.Sum(r => r.Numerator ?? 0), within.Sum(r => r.Denominator ?? 0), Pooled.Of(within.Select(r => (r.Denominator, r.Value))) ?? 0);
    }

    private static bool Small((long Numerator, long Denominator, double Value) figure, bool isRate) =>
        SmallCellSuppression.Apply([new Figure("provider", "p", "year", isRate ? figure.Numerator : null, figure.Denominator)])[0] != Suppression.None;

    /// <summary>Which providers' year figures small-cell suppression hides, complementary cells included (the program total is the row's total).</summary>
    private static List<bool> Hide(IReadOnlyList<(long Numerator, long Denominator, double Value)> figures, bool isRate)
    {
        var cells = figures.Select((f, i) => new Figure("provider", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "year", isRate ? f.Numerator : null, f.Denominator)).ToList();
        cells.Add(new Figure("all", "all", "year", isRate ? figures.Sum(f => f.Numerator) : null, figures.Sum(f => f.Denominator)));
        return [.. SmallCellSuppression.Apply(cells).Take(figures.Count).Select(s => s != Suppression.None)];
    }
}
