using Tessera.Intake.Dictionaries;

namespace Tessera.Metrics.Definitions;

/// <summary>What a metric may refer to: the sources' dictionary files (every version of a file).</summary>
public interface IMetricSchema
{
    /// <summary>Every dictionary version's definition of <paramref name="file"/> in <paramref name="source"/>; empty when there is none.</summary>
    IReadOnlyList<FileDefinition> File(string source, string file);

    /// <summary>The source names, for error messages.</summary>
    IReadOnlyList<string> Sources { get; }
}
