using Tessera.Metrics.Definitions;

namespace Tessera.Storage.Metrics;

/// <summary>A metric of the catalogue: its definition, where it comes from, and whether this workspace can compute it.</summary>
/// <param name="Definition">The parsed definition (validated when <see cref="Problems"/> is empty).</param>
/// <param name="Origin">"library" or the workspace file it was read from.</param>
/// <param name="Yaml">The definition's text, as stored with every result.</param>
/// <param name="Problems">Why the workspace cannot compute it (e.g. a source it lacks); empty when it can.</param>
public sealed record CatalogEntry(MetricDefinition Definition, string Origin, string Yaml, IReadOnlyList<string> Problems)
{
    /// <summary>True when the workspace can compute the metric.</summary>
    public bool Available => Problems.Count == 0;
}
