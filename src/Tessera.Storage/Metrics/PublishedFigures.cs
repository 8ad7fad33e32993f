using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Tessera.Storage.Operational;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Metrics;

/// <summary>
/// Figures worked out from what is published — metric runs and the provider and contract registry —
/// kept per open workspace until the next publication. A dashboard's ranking, funnel plot, trend
/// series and alerts change only when a metric run is published or a contract or provider changes,
/// yet fifty contract managers ask for them every few seconds; working them out once per
/// publication instead of once per request is what keeps a dashboard fast on a two-core server.
/// </summary>
/// <remarks>
/// The publication is read from the store itself (the number and latest id of published runs, the
/// number of registry versions — both only grow), so a run published by the command line or by
/// another server is seen at the next request. Keys name everything else a figure depends on,
/// including how exactly the caller may see it; nothing about who asked is kept.
/// </remarks>
internal static class PublishedFigures
{
    private sealed class Kept
    {
        public Publication Publication;
        public Dictionary<string, object> Figures { get; } = new(StringComparer.Ordinal);
    }

    private static readonly ConditionalWeakTable<Workspace, Kept> ByWorkspace = [];

    /// <summary>The current publication of <paramref name="workspace"/>: one short query.</summary>
    public static Publication Current(Workspace workspace)
    {
        using var db = workspace.Operational();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        using var command = OperationalSql.Command(connection, null, $"""
            SELECT (SELECT COUNT(*) FROM {OperationalSql.Table(db, "metric_runs")}), (SELECT COALESCE(MAX(id), 0) FROM {OperationalSql.Table(db, "metric_runs")}),
                   (SELECT COUNT(*) FROM {OperationalSql.Table(db, "registry_history")})
            """);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new Publication(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture),
            Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The figure <paramref name="key"/> as of <paramref name="publication"/>, worked out with
    /// <paramref name="compute"/> the first time it is asked for since that publication.
    /// </summary>
    public static T Get<T>(Workspace workspace, Publication publication, string key, Func<T> compute)
        where T : notnull
    {
        var kept = ByWorkspace.GetValue(workspace, _ => new Kept());
        lock (kept)
        {
            if (kept.Publication == publication && kept.Figures.TryGetValue(key, out var figure))
            {
                return (T)figure;
            }
        }

        var computed = compute();
        lock (kept)
        {
            if (publication.IsAfter(kept.Publication))
            {
                // Everything kept belongs to an older publication.
                kept.Figures.Clear();
                kept.Publication = publication;
            }

            if (kept.Publication == publication)
            {
                kept.Figures[key] = computed;
            }
        }

        return computed;
    }
}
