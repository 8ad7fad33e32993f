using Tessera.Intake.Dictionaries;
using Tessera.Metrics.Definitions;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Metrics;

/// <summary>The workspace's sources and their dictionaries, as metric definitions see them.</summary>
public sealed class WorkspaceMetricSchema(Workspace workspace) : IMetricSchema
{
    private readonly Lazy<IReadOnlyList<string>> _sources = new(() => workspace.Sources.List().Select(s => s.Name).ToList());

    /// <inheritdoc />
    public IReadOnlyList<string> Sources => _sources.Value;

    /// <inheritdoc />
    public IReadOnlyList<FileDefinition> File(string source, string file) =>
        Sources.Contains(source, StringComparer.Ordinal)
            ? workspace.Sources.Dictionaries(source).SelectMany(d => d.Files).Where(f => string.Equals(f.Name, file, StringComparison.OrdinalIgnoreCase)).ToList()
            : [];
}
