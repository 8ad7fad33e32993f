using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Metrics.Compilation;
using Tessera.Metrics.Definitions;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Access;

/// <summary>
/// Records that laws protect beyond HIPAA — education records (FERPA) and substance use disorder
/// treatment records (42 CFR Part 2), as a source's dictionary declares with <c>protections:</c> —
/// stay protected in every row derived from them: a metric that reads such a source carries its
/// protections into its members, and those person-level rows (the persons behind a figure, a
/// case-file review sample, the evidence of a payment) go only to the IDS administrators and the
/// protected source's own data partner. Everyone else keeps the published, suppressed aggregates;
/// releases honour the protections on their own (<see cref="Releases.ReleaseBuilder"/>).
/// </summary>
public static class ProtectedRecords
{
    /// <summary>The laws' names as people say them.</summary>
    private static readonly Dictionary<string, string> Laws = new(StringComparer.Ordinal)
    {
        ["ferpa"] = "FERPA (education records)",
        ["part2"] = "42 CFR Part 2 (substance use disorder treatment records)",
    };

    /// <summary>Each protected source <paramref name="metric"/> reads, with its protections.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Of(Workspace workspace, MetricDefinition metric)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(metric);
        var registered = workspace.Sources.List().Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        return MetricSql.Files(metric).Select(f => f.Source).Concat(metric.AdjustFor.Select(a => a.Source)).Distinct(StringComparer.Ordinal).Where(registered.Contains)
            .Select(s => (Source: s, Protections: Of(workspace, s)))
            .Where(x => x.Protections.Count > 0)
            .ToDictionary(x => x.Source, x => x.Protections, StringComparer.Ordinal);
    }

    /// <summary>The protections (<c>ferpa</c>, <c>part2</c>) any version of <paramref name="source"/>'s dictionary declares.</summary>
    public static IReadOnlyList<string> Of(Workspace workspace, string source)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return [.. workspace.Sources.Dictionaries(source).SelectMany(d => d.Protections).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The laws protecting <paramref name="source"/>'s records, as people name them (empty when none does, or there is no such source).</summary>
    public static IReadOnlyList<string> LawsOf(Workspace workspace, string source)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return workspace.Sources.List().Any(s => s.Name == source)
            ? [.. Of(workspace, source).Select(l => Laws.GetValueOrDefault(l, l))]
            : [];
    }

    /// <summary>What a page says of a metric's protected sources, or null when it reads none.</summary>
    public static string? Describe(IReadOnlyDictionary<string, IReadOnlyList<string>> protectedSources)
    {
        ArgumentNullException.ThrowIfNull(protectedSources);
        return protectedSources.Count == 0 ? null
            : "Derived from records protected by " + string.Join("; ", protectedSources.Select(p => $"{string.Join(" and ", p.Value.Select(l => Laws.GetValueOrDefault(l, l)))} from {p.Key}")) + ".";
    }

    /// <summary>
    /// Lets <paramref name="caller"/> have the person-level rows of <paramref name="metric"/> when
    /// they derive from no protected source, or the caller is an administrator or the data partner
    /// of every protected source they derive from; otherwise records the refusal on
    /// <paramref name="target"/> and refuses, naming the law.
    /// </summary>
    /// <exception cref="WorkspaceException">Refused (and on record).</exception>
    public static void PermitPersonLevel(Caller caller, MetricDefinition metric, string target)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var protectedSources = Of(caller.Workspace, metric);
        if (protectedSources.Count == 0 || caller.User.Role == Role.Administrator
            || (caller.User.Role == Role.DataPartner && protectedSources.Keys.All(caller.User.Scope.Sources.Contains)))
        {
            return;
        }

        var reason = $"{Describe(protectedSources)} Person-level rows derived from them go to the IDS administrators and {string.Join(", ", protectedSources.Keys)}'s data partner only; the published figures remain.";
        caller.Record(AuditAction.Denied, $"{target}: {reason}", AuditOutcome.Denied);
        throw new WorkspaceException(reason);
    }
}
