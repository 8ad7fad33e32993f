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
