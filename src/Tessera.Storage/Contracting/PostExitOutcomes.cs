using Tessera.Contracts.Benchmarks;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Governance.Disclosure;
using Tessera.Storage.Access;
using Tessera.Storage.Metrics;

namespace Tessera.Storage.Contracting;

/// <summary>
/// What became of a provider's clients after they left its service, as the linked data show — often
/// another agency's: the published results of every metric marked <c>post_exit</c> whose breakdown
/// names the provider (family preservation → later child-welfare involvement, shelters → returns to
/// homelessness and arrests, job training → wages and arrests, child care → parents' employment),
/// by exit cohort. Aggregated only, and beyond administrators small cells hidden as published; a
/// provider with several codes (shelter projects) gets their figures added up, and hidden whenever
/// one of them is (the sum and the others' published figures would give it away).
/// </summary>
public static class PostExitOutcomes
{
    /// <summary>The post-exit outcomes of <paramref name="provider"/>'s clients, metric by metric, exit cohort by exit cohort.</summary>
    /// <exception cref="AccessDeniedException">Not found: no such provider, or not one the caller may see.</exception>
    public static IReadOnlyList<PostExitOutcome> Of(Caller caller, string provider)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var providers = ProviderRegistry.All(caller.Workspace);
        caller.Permit(Capability.ViewContracts, AuditAction.Read, $"post-exit outcomes of provider {provider}",
            inScope: providers.ContainsKey(provider) && AccessPolicy.SeesProvider(caller.User, provider));
        var exact = AccessPolicy.Permits(caller.User, Capability.ViewMetricPersons);
        var store = new PublishedMetrics(caller.Workspace);
        var outcomes = new List<PostExitOutcome>();
        foreach (var entry in MetricCatalog.Load(caller.Workspace).Where(e => e.Available && e.Definition.PostExit))
        {
            var definition = entry.Definition;
            var codes = ProviderBreakdown.For(definition, providers.Values.Select(p => p.Provider)) is { } breakdown ? (breakdown.Group, Codes: breakdown.CodesOf(provider)) : default;
            if (codes.Codes is not { Count: > 0 } || store.LatestRun(definition.Id) is not { } run)
            {
                continue;
            }

            var cohorts = store.Published(definition.Id, codes.Group, exact).Where(r => codes.Codes.Contains(r.Result.GroupValue, StringComparer.Ordinal))
                .GroupBy(r => r.Result.PeriodStart).OrderBy(g => g.Key)
                .Select(g => Cohort([.. g]))
                .ToList();
            outcomes.Add(new PostExitOutcome(definition.Id, definition.Title, definition.Description.Trim(), definition.Unit, definition.Polarity != "lower_is_better",
                definition.Value == "rate", cohorts, run.AsOf, run.ComputedUtc));
        }

        return outcomes;
    }

    private static PostExitCohort Cohort(IReadOnlyList<PublishedResult> cells)
    {
        var first = cells[0].Result;
        if (cells.Any(c => c.Hidden != Suppression.None))
        {
            return new PostExitCohort(first.PeriodStart, first.PeriodEnd, null, null, null, Hidden: true);
        }

        long? Sum(Func<PublishedResult, long?> part) => cells.All(c => part(c) is not null) ? cells.Sum(c => part(c)!.Value) : null;
        return new PostExitCohort(first.PeriodStart, first.PeriodEnd, Sum(c => c.Result.Numerator), Sum(c => c.Result.Denominator),
            Pooled.Of(cells.Select(c => (c.Result.Denominator, c.Result.Value))), Hidden: false);
    }
}
