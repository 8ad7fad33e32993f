using YamlDotNet.Serialization;

namespace Tessera.Intake.Dictionaries;

/// <summary>One column of a file: its type, format, rules, meaning and how sensitive it is.</summary>
public sealed class FieldDefinition
{
    /// <summary>Column name exactly as delivered in the header, e.g. "first_name" or "FirstName".</summary>
    public string Name { get; set; } = "";

    /// <summary>string, integer, decimal, money, date or datetime.</summary>
    public string Type { get; set; } = "string";

    /// <summary>For dates: the .NET format the agency uses, e.g. "MM/dd/yyyy" or "yyyyMMdd".</summary>
    public string? Format { get; set; }

    /// <summary>Whether every row must have a value.</summary>
    public bool Required { get; set; }

    /// <summary>Allowed values and their meaning, e.g. <c>"99": Data not collected</c>.</summary>
    public Dictionary<string, string> Codes { get; set; } = [];

    /// <summary>Smallest allowed number.</summary>
    public decimal? Min { get; set; }

    /// <summary>Largest allowed number.</summary>
    public decimal? Max { get; set; }

    /// <summary>Longest allowed text, in characters.</summary>
    public int? MaxLength { get; set; }

    /// <summary>For dates: whether dates after the day of ingest are allowed (planned end dates are; birth dates are not).</summary>
    public bool Future { get; set; }

    /// <summary>direct_identifier, quasi_identifier, sensitive or other.</summary>
    public string Sensitivity { get; set; } = "other";

    /// <summary>What the field means, in the agency's words.</summary>
    public string Description { get; set; } = "";

    /// <summary>The parsed <see cref="Type"/>; set by <see cref="DictionaryValidator"/>.</summary>
    [YamlIgnore]
    public FieldType Kind { get; internal set; }

    /// <summary>The parsed <see cref="Sensitivity"/>; set by <see cref="DictionaryValidator"/>.</summary>
    [YamlIgnore]
    public Sensitivity Class { get; internal set; }

    /// <summary>True for direct identifiers, which are stored encrypted.</summary>
    [YamlIgnore]
    public bool IsEncrypted => Class == Dictionaries.Sensitivity.DirectIdentifier;

    /// <summary>The date format in effect (the field's, or the type's default).</summary>
    [YamlIgnore]
    public string EffectiveFormat => Format ?? (Kind == FieldType.DateTime ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd");

    /// <summary>A copy of this field that takes only <paramref name="codes"/>.</summary>
    public FieldDefinition WithCodes(Dictionary<string, string> codes)
    {
        var copy = (FieldDefinition)MemberwiseClone();
        copy.Codes = codes;
        return copy;
    }
}
