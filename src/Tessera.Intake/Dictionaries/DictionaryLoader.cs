using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Tessera.Intake.Dictionaries;

/// <summary>Reads data dictionaries from YAML and validates them, so a bad dictionary fails before any data is read.</summary>
public static class DictionaryLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Parses and validates <paramref name="yaml"/>; <paramref name="origin"/> names it in errors.</summary>
    /// <exception cref="DictionaryException">The YAML is malformed or the dictionary breaks a rule.</exception>
    public static SourceDictionary Parse(string yaml, string origin)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        SourceDictionary? dictionary;
        try
        {
            dictionary = Deserializer.Deserialize<SourceDictionary>(yaml);
        }
        catch (YamlException ex)
        {
            var detail = ex.InnerException?.Message ?? ex.Message;
            throw new DictionaryException(origin, [$"line {ex.Start.Line}, column {ex.Start.Column}: {Plain(detail)}"]);
        }

        if (dictionary is null)
        {
            throw new DictionaryException(origin, ["the file is empty."]);
        }

        var problems = DictionaryValidator.Validate(dictionary);
        return problems.Count == 0 ? dictionary : throw new DictionaryException(origin, problems);
    }

    /// <summary>Reads and validates the dictionary in <paramref name="path"/>.</summary>
    public static SourceDictionary Load(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new DictionaryException($"The data dictionary {path} was not found.");
        }

        return Parse(System.IO.File.ReadAllText(path), Path.GetFileName(path));
    }

    private static string Plain(string message) =>
        message.StartsWith("Property '", StringComparison.Ordinal) && message.Contains("not found on type", StringComparison.Ordinal)
            ? "unknown key " + message["Property ".Length..message.IndexOf(" not found", StringComparison.Ordinal)] + " (check its spelling against docs/intake.md)."
            : message;
}
