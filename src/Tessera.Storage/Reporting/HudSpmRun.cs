using System.Globalization;
using Tessera.Metrics.Hud;
using Tessera.Metrics.Sql;
using Tessera.Storage.Vault;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Reporting;

/// <summary>
/// Runs HUD's System Performance Measures over a workspace's HMIS source. HUD reports are exact by
/// design (they go to HUD), so no suppression applies; callers restrict who may run them.
/// </summary>
public static class HudSpmRun
{
    /// <summary>Computes the report.</summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="source">The HMIS source, or null for the workspace's only one.</param>
    /// <param name="from">First day of the report period.</param>
    /// <param name="to">Last day of the report period.</param>
    /// <param name="coc">The CoC code, or null for the one most of the export's projects belong to.</param>
    /// <exception cref="WorkspaceException">No HMIS source with data, several without a choice, or no CoC.</exception>
    public static HudSpmResult Run(Workspace workspace, string? source, DateOnly from, DateOnly to, string? coc)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (to < from)
        {
            throw new WorkspaceException($"The report period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
        }

        var chosen = ChooseSource(workspace, source);
        var vault = workspace.Vault;
        coc ??= LargestCoc(vault, chosen) ?? throw new WorkspaceException($"'{chosen}' has no ProjectCoC records, so the CoC to report on is unknown: give it with --coc (e.g. --coc XX-500).");
        var counts = new List<(string, string, long)>();
        using var connection = vault.Open();
        var snapshots = vault.Dialect == SqlDialect.PostgreSql
            ? SpmQuery.Files.Where(file => vault.HasRows(chosen, file)).ToDictionary(file => file, file => "spm_" + file)
            : [];
        try
        {
            foreach (var (file, name) in snapshots)
            {
                SqlVault.Snapshot(connection, vault.Dialect, name, $"{SqlText.Quote(chosen)}.{file}");
            }

            var sql = SpmQuery.Build(vault.Dialect, chosen, from, to, coc, file => vault.HasRows(chosen, file), file => snapshots.GetValueOrDefault(file));
            using var command = SqlVault.Command(connection, null, sql);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                counts.Add((reader.GetString(0), reader.GetString(1), Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture)));
            }
        }
        finally
        {
            foreach (var name in snapshots.Values)
            {
                SqlVault.Execute(connection, null, $"DROP TABLE IF EXISTS {name}");
            }
        }

        return new HudSpmResult(chosen, coc, from, to, SpmReport.Cells(counts));
    }

    private static string ChooseSource(Workspace workspace, string? source)
    {
        var hmis = workspace.Sources.List().Select(s => s.Name).Where(name => workspace.Sources.Dictionaries(name).Any(d => d.IsHmis)).ToList();
        if (source is not null)
        {
            if (!hmis.Contains(source, StringComparer.Ordinal))
            {
                throw new WorkspaceException($"'{source}' is not an HMIS source of this workspace. HMIS sources: {(hmis.Count == 0 ? "none" : string.Join(", ", hmis))}.");
            }
        }
        else
        {
            var withData = hmis.Where(name => workspace.Vault.HasRows(name, "enrollment")).ToList();
            source = withData.Count switch
            {
                1 => withData[0],
                0 => throw new WorkspaceException("No HMIS source has data yet: ingest an HMIS CSV export first (tessera ingest --source homelessness EXPORT.zip)."),
                _ => throw new WorkspaceException($"Several HMIS sources have data ({string.Join(", ", withData)}): choose one with --source."),
            };
        }

        if (!workspace.Vault.HasRows(source, "enrollment"))
        {
            throw new WorkspaceException($"'{source}' has no HMIS data yet: ingest an HMIS CSV export first.");
        }

        return source;
    }

    private static string? LargestCoc(SqlVault vault, string source)
    {
        if (!vault.HasRows(source, "projectcoc"))
        {
            return null;
        }

        using var connection = vault.Open();
        using var command = SqlVault.Command(connection, null,
            $"SELECT coccode FROM {SqlText.Quote(source)}.projectcoc WHERE coccode IS NOT NULL GROUP BY coccode ORDER BY COUNT(DISTINCT projectid) DESC, coccode LIMIT 1");
        return command.ExecuteScalar() as string;
    }
}
