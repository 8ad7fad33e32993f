using Tessera.Contracts.Benchmarks;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Governance.Disclosure;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;

namespace Tessera.Storage.Management;

/// <summary>
/// A provider against its peers, as the provider may see it: its own year exactly, its rank among
/// all of the program's providers, and each peer under a label that names nobody
/// (<see cref="PeerLabels"/>) with its figure, a size band rather than its count, and where it lies
/// on the funnel plot; small peers only as the sum of a group (<see cref="PeerGrouping"/>), so that
/// nothing the provider cannot see follows from what it can and from the program's published total.
/// </summary>
public static class PeerComparison
{
    /// <summary>
    /// <paramref name="provider"/> against its program's other providers on <paramref name="metric"/>
    /// (default: the first measure of the provider's first contract) over the twelve months ending
    /// with the latest month with results.
    /// </summary>
    /// <exception cref="AccessDeniedException">Not found: no such provider, not one the caller may see, or a metric not in its program's contracts.</exception>
    public static PeerView Of(Caller caller, string provider, string? metric = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var workspace = caller.Workspace;
        var scope = new ManagementScope(caller);
        var program = ProviderRegistry.All(workspace).GetValueOrDefault(provider)?.Provider.Program;
        var measures = scope.All.Values.Where(c => c.Contract.Provider.Value == provider).OrderBy(c => c.Contract.Start).ThenBy(c => c.Contract.Id.Value, StringComparer.Ordinal)
            .SelectMany(c => c.Contract.Metrics.Select(m => m.Metric)).Distinct(StringComparer.Ordinal).ToList();
        metric ??= measures.FirstOrDefault() ?? "";
        var contracted = program is not null && scope.All.Values.Any(c => c.Contract.Program == program && c.Contract.Metrics.Any(m => m.Metric == metric));
        caller.Permit(Capability.ViewContracts, AuditAction.Read, $"peers of provider {provider}, {metric}",
            inScope: contracted && AccessPolicy.SeesProvider(caller.User, provider));
        var figures = Dashboards.Kept(workspace, scope.Publication, exact: true, program!, metric);
        var own = figures.Providers.FirstOrDefault(p => p.Provider == provider);
        var peers = figures.Providers.Where(p => p.Provider != provider && p.Denominator > 0).ToList();
        var shown = PeerGrouping.Decide([.. peers.Select(p => (figures.IsRate ? p.Numerator : null, p.Denominator!.Value))]);
        var labels = new PeerLabels(workspace.Keys.WorkspaceKey(PeerLabels.KeyName));
        var alone = peers.Where((_, i) => shown[i] == PeerShown.Alone)
            .Select(p => new PeerFigure(labels.Of(provider, program!, p.Provider), p.Value, SizeBand(p.Denominator!.Value), p.Position))
            .OrderBy(p => figures.HigherIsBetter ? -(p.Value ?? 0) : p.Value ?? 0).ThenBy(p => p.Label, StringComparer.Ordinal)
            .ToList();
        var members = peers.Where((_, i) => shown[i] == PeerShown.Grouped).ToList();
        var group = members.Count == 0 ? null : new PeerGroupFigure(members.Count,
            Pooled.Of(members.Select(m => (m.Denominator, m.Value))), SizeBand(members.Sum(m => m.Denominator!.Value)));
        return new PeerView(provider, figures.Program, metric, figures.Title, figures.HigherIsBetter, figures.IsRate, figures.From, figures.To,
            own?.Value, own?.Numerator, own?.Denominator, own?.Rank, figures.Providers.Count(p => p.Rank is not null), own?.Position,
            alone, group, Withheld: shown.Contains(PeerShown.Withheld), figures.AsOf, measures);
    }

    /// <summary>A count as a band, so a peer's size does not name it.</summary>
    public static string SizeBand(long count) => count switch
    {
        < 50 => "fewer than 50",
        < 100 => "50–99",
        < 250 => "100–249",
        < 500 => "250–499",
        < 1000 => "500–999",
        _ => "1,000 or more",
    };
}
