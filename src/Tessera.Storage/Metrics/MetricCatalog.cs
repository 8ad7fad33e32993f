using Tessera.Metrics.Definitions;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Metrics;

/// <summary>
/// The metrics a workspace knows: the standard library plus the definitions in the workspace's
/// <c>metrics/</c> folder (one YAML file each). Each is validated against the workspace's
/// dictionaries; one that cannot be read or computed here (a typo, a source the workspace does not
/// have) is listed with the reason instead of failing the others.
/// </summary>
public static class MetricCatalog
{
    /// <summary>The workspace folder holding its own metric definitions.</summary>
    public const string Folder = "metrics";

    /// <summary>Every metric, library first; one that cannot be read or validated is listed with its problems.</summary>
    public static IReadOnlyList<CatalogEntry> Load(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);

        // Parsing and checking every definition costs tens of milliseconds, and a dashboard asks many
        // times per request: the catalogue is kept per open workspace until a source, its dictionary
        // or a file in the metrics folder changes.
        var fingerprint = Fingerprint(workspace);
        lock (Loaded)
        {
            if (Loaded.TryGetValue(workspace, out var kept) && kept.Fingerprint == fingerprint)
            {
                return kept.Entries;
            }
        }

        var entries = Read(workspace);
        lock (Loaded)
        {
            Loaded.AddOrUpdate(workspace, new Kept(fingerprint, entries));
        }

        return entries;
    }

    private sealed record Kept(string Fingerprint, IReadOnlyList<CatalogEntry> Entries);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Workspace, Kept> Loaded = [];

    private static string Fingerprint(Workspace workspace)
    {
        var folder = Path.Combine(workspace.Folder, Folder);
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).Select(f => $"{Path.GetFileName(f)}@{File.GetLastWriteTimeUtc(f).Ticks}:{new FileInfo(f).Length}")
            : [];
        return string.Join("|", workspace.Sources.List().OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => $"{s.Name}:{s.DictionaryName}:{s.DictionaryVersion}").Concat(files));
    }

    private static IReadOnlyList<CatalogEntry> Read(Workspace workspace)
    {
        var schema = new WorkspaceMetricSchema(workspace);
        var texts = MetricLibrary.Files.Select(f => (Origin: "library", Name: f.Key, Yaml: f.Value)).ToList();
        var folder = Path.Combine(workspace.Folder, Folder);
        if (Directory.Exists(folder))
        {
            texts.AddRange(Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).Select(path => (Origin: Path.Combine(Folder, Path.GetFileName(path)), Name: Path.GetFileName(path), Yaml: File.ReadAllText(path))));
        }

        var entries = new List<CatalogEntry>();
        foreach (var (origin, name, yaml) in texts)
        {
            MetricDefinition definition;
            IReadOnlyList<string> problems = [];
            try
            {
                definition = MetricLoader.Parse(yaml, origin == "library" ? "library/" + name : origin);
                MetricValidator.Validate(definition, schema, origin);
            }
            catch (MetricDefinitionException ex)
            {
                // A broken definition is listed with its problems instead of hiding every other metric.
                definition = Unreadable(yaml, name);
                problems = [ex.Message];
            }

            if (entries.Any(e => e.Definition.Id == definition.Id))
            {
                problems = [.. problems, $"{origin}: id '{definition.Id}' is already used by another metric; give this one a different id."];
                definition = new MetricDefinition { Id = definition.Id + "@" + origin, Title = definition.Title, Description = definition.Description };
            }

            entries.Add(new CatalogEntry(definition, origin, yaml, problems));
        }

        return entries;
    }

    private static MetricDefinition Unreadable(string yaml, string fileName)
    {
        try
        {
            var parsed = MetricLoader.Parse(yaml, fileName);
            return string.IsNullOrWhiteSpace(parsed.Id) ? new MetricDefinition { Id = Path.GetFileNameWithoutExtension(fileName), Title = fileName } : parsed;
        }
        catch (MetricDefinitionException)
        {
            return new MetricDefinition { Id = Path.GetFileNameWithoutExtension(fileName), Title = fileName, Description = "This definition cannot be read." };
        }
    }

    /// <summary>The metric with <paramref name="id"/>.</summary>
    /// <exception cref="WorkspaceException">No such metric.</exception>
    public static CatalogEntry Find(IReadOnlyList<CatalogEntry> catalog, string id)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.FirstOrDefault(e => e.Definition.Id == id)
            ?? throw new WorkspaceException($"There is no metric '{id}'. See 'tessera metrics list' for the ids.");
    }
}
