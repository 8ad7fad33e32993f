using System.Globalization;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Metrics;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Management;

/// <summary>
/// The case-file review sampler: for a contract's metric, a few cases with good outcomes and a few
/// with poor ones, drawn reproducibly (the same seed gives the same cases) so a manager and the
/// provider can read those files together and learn what the numbers cannot say. Pseudonymous
/// person ids only; person-level, so for those authorised and audited with the seed.
/// </summary>
public static class CaseReview
{
    /// <summary>The most cases drawn per outcome.</summary>
    public const int MostPerOutcome = 20;

    /// <summary>
    /// Up to <paramref name="perOutcome"/> cases of each outcome (good first) of
    /// <paramref name="metric"/> at the contract's provider, in the contract's periods, from the
    /// metric's latest run, drawn with <paramref name="seed"/>.
    /// </summary>
    /// <exception cref="AccessDeniedException">Not found (not the caller's contract or metric), or the caller may not draw samples.</exception>
    /// <exception cref="WorkspaceException">The sample size is out of range, or the metric has no run.</exception>
    public static IReadOnlyList<CaseSample> Sample(Caller caller, string contract, string metric, int perOutcome, int seed)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var scope = new ManagementScope(caller);
        var registered = scope.SeesContract(contract) ? scope.All[contract] : null;
        caller.Permit(Capability.ReviewCaseFiles, AuditAction.Read, string.Create(CultureInfo.InvariantCulture, $"case-file sample of contract {contract}, {metric}, {perOutcome} per outcome, seed {seed}"),
            inScope: registered is not null && registered.Contract.Metrics.Any(m => m.Metric == metric));
        if (perOutcome is < 1 or > MostPerOutcome)
        {
            throw new WorkspaceException($"per outcome: draw 1 to {MostPerOutcome} cases of each outcome.");
        }

        var workspace = caller.Workspace;
        var c = registered!.Contract;
        var entry = MetricCatalog.Find(MetricCatalog.Load(workspace), metric);
        ProtectedRecords.PermitPersonLevel(caller, entry.Definition, string.Create(CultureInfo.InvariantCulture, $"case-file sample of contract {contract}, {metric}"));
        var breakdown = ProviderBreakdown.For(entry.Definition, ProviderRegistry.All(workspace).Values.Select(p => p.Provider));
        var published = new PublishedMetrics(workspace);
        var run = published.LatestRun(metric) ?? throw new WorkspaceException($"Metric '{metric}' has not been computed yet.");
        if (breakdown is null)
        {
            return [];
        }

        var store = new MetricStore(workspace);
        var periods = published.Results(metric, breakdown.Group, c.Start, c.End, run.Id).Select(r => r.PeriodStart).Distinct().Order().ToList();
        var cases = periods.SelectMany(p => breakdown.CodesOf(c.Provider.Value).SelectMany(code => store.Members(entry, run, breakdown.Group, code, p)).Select(m => (m.PersonId, m.Anchor, m.InNumerator, Period: p)))
            .OrderBy(x => x.PersonId, StringComparer.Ordinal).ThenBy(x => x.Anchor).ToList();
        var goodIsHit = entry.Definition.Polarity != "lower_is_better";
        var random = new Random(seed);
        return [.. new[] { true, false }.SelectMany(good =>
        {
            var stratum = cases.Where(x => x.InNumerator == (good == goodIsHit)).ToList();
            return stratum.OrderBy(_ => random.Next()).Take(perOutcome)
                .OrderBy(x => x.Anchor).Select(x => new CaseSample(contract, metric, good ? "good" : "poor", x.PersonId, x.Anchor, x.Period));
        })];
    }
}
