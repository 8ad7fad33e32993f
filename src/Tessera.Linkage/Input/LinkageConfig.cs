using System.Globalization;
using Tessera.Linkage.Records;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Tessera.Linkage.Input;

/// <summary>
/// Settings for <c>tessera linkage run --config FILE</c>, for files whose columns are not named
/// after the standard identity columns. Example:
/// <code>
/// record_id: client_no          # the column with each record's id, in files that have it (else the first column)
/// threshold: 0.8                # match probability from which records are joined (default 0.5)
/// columns:                      # file column → standard column, in every input that has it
///   first: given_name
///   surname: family_name
///   dob: birth_date
/// </code>
/// </summary>
public sealed class LinkageConfig
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Header of the record id column in files that have it; the first column elsewhere.</summary>
    public string? RecordId { get; init; }

    /// <summary>Match probability from which records are joined; null for the default.</summary>
    public double? Threshold { get; init; }

    /// <summary>File column name → standard column name.</summary>
    public Dictionary<string, string> Columns { get; init; } = [];

    /// <summary>The standard column a file column stands for: mapped by the config, else by its own name.</summary>
    public bool TryMap(string header, out StandardColumn column)
    {
        var mapped = Columns.FirstOrDefault(c => string.Equals(c.Key.Trim(), header, StringComparison.OrdinalIgnoreCase)).Value;
        return StandardColumns.TryParse(mapped ?? header, out column);
    }

    /// <summary>Reads and checks the config in <paramref name="path"/>.</summary>
    /// <exception cref="LinkageInputException">The file is missing, is not valid YAML, or names an unknown key, a non-standard column or a threshold outside 0–1.</exception>
    public static LinkageConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new LinkageInputException($"{path}: no such config file.");
        }

        LinkageConfig? config;
        try
        {
            config = Deserializer.Deserialize<LinkageConfig>(File.ReadAllText(path));
        }
        catch (YamlException ex)
        {
            throw new LinkageInputException($"{path} line {ex.Start.Line}, column {ex.Start.Column}: {(ex.InnerException ?? ex).Message} Expected the keys record_id, threshold and columns (see docs/linkage.md).");
        }

        config ??= new LinkageConfig();
        foreach (var (column, standard) in config.Columns)
        {
            if (!StandardColumns.TryParse(standard ?? string.Empty, out _))
            {
                throw new LinkageInputException($"{path}: column '{column}' is mapped to '{standard}', which is not a standard identity column; expected one of {string.Join(", ", StandardColumns.Names)}.");
            }
        }

        if (config.Threshold is { } threshold and (<= 0 or >= 1))
        {
            throw new LinkageInputException($"{path}: threshold must be a probability between 0 and 1, e.g. 0.8 (got {threshold.ToString(CultureInfo.InvariantCulture)}).");
        }

        return config;
    }
}
