using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Tessera.Metrics.Definitions;

/// <summary>
/// A breakdown: a field of the population file (<c>provider_id</c>), or a named banding of a
/// numeric field (<c>{ name: dosage, field: months_of_service, bands: [...] }</c>).
/// </summary>
public sealed class GroupDefinition : IYamlConvertible
{
    /// <summary>The group's name in results, e.g. "provider_id" or "dosage".</summary>
    public string Name { get; set; } = "";

    /// <summary>The population field grouped on.</summary>
    public string Field { get; set; } = "";

    /// <summary>Bands of a numeric field, in order; empty to group on the field's values.</summary>
    public List<BandDefinition> Bands { get; set; } = [];

    void IYamlConvertible.Read(IParser parser, Type expectedType, ObjectDeserializer nestedObjectDeserializer)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            Field = scalar.Value;
            Name = DefaultName(Field);
            return;
        }

        var full = (GroupShape)nestedObjectDeserializer(typeof(GroupShape))!;
        Field = full.Field;
        Name = string.IsNullOrEmpty(full.Name) ? DefaultName(full.Field) : full.Name;
        Bands = full.Bands;
    }

    private static string DefaultName(string field) => field.ToLowerInvariant().Replace('.', '_');

    void IYamlConvertible.Write(IEmitter emitter, ObjectSerializer nestedObjectSerializer) =>
        nestedObjectSerializer(new GroupShape { Name = Name, Field = Field, Bands = Bands });

    private sealed class GroupShape
    {
        public string Name { get; set; } = "";

        public string Field { get; set; } = "";

        public List<BandDefinition> Bands { get; set; } = [];
    }
}
