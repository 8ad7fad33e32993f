using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Tessera.Metrics.Definitions;

/// <summary>Reads metric definitions from YAML; <see cref="MetricValidator"/> then checks them against the sources.</summary>
public static class MetricLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Parses <paramref name="yaml"/>; <paramref name="origin"/> names it in errors.</summary>
    /// <exception cref="MetricDefinitionException">The YAML is malformed, has unknown keys, or its values cannot be read.</exception>
    public static MetricDefinition Parse(string yaml, string origin)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        MetricDefinition? metric;
        try
        {
            metric = Deserializer.Deserialize<MetricDefinition>(yaml);
        }
        catch (YamlException ex)
        {
            var detail = ex.InnerException?.Message ?? ex.Message;
            throw new MetricDefinitionException(origin, [$"line {ex.Start.Line}, column {ex.Start.Column}: {Plain(detail)}"]);
        }

        return metric ?? throw new MetricDefinitionException(origin, ["the file is empty."]);
    }

    private static string Plain(string message) =>
        message.StartsWith("Property '", StringComparison.Ordinal) && message.Contains("not found on type", StringComparison.Ordinal)
            ? "unknown key " + message["Property ".Length..message.IndexOf(" not found", StringComparison.Ordinal)] + " (check its spelling against docs/metrics.md)."
            : message;
}
