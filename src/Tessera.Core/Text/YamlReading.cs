using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tessera.Core.Text;

/// <summary>
/// Walks a YAML document collecting every problem with its line and field path, so one run of a
/// command shows all the mistakes in a file rather than the first.
/// </summary>
public sealed class YamlReading
{
    private readonly List<string> _problems = [];

    /// <summary>Every problem found so far.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>The document's root mapping, or null (with a problem) when the text is not a YAML mapping.</summary>
    public YamlMappingNode? Root(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            _problems.Add(string.Create(CultureInfo.InvariantCulture, $"line {ex.Start.Line}: not readable as YAML ({ex.InnerException?.Message ?? ex.Message})"));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            _problems.Add("line 1: expected keys such as providers: or contracts:, found nothing usable.");
            return null;
        }

        return root;
    }

    /// <summary>Records a problem at <paramref name="node"/>'s line.</summary>
    public void Problem(YamlNode node, string path, string message) =>
        _problems.Add(string.Create(CultureInfo.InvariantCulture, $"line {node.Start.Line}, {path}: {message}"));

    /// <summary>Records a problem for each key of <paramref name="map"/> not in <paramref name="known"/>.</summary>
    public void OnlyKeys(YamlMappingNode map, string path, params string[] known)
    {
        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>().Where(k => !known.Contains(k.Value, StringComparer.Ordinal)))
        {
            Problem(key, path, $"unknown key '{key.Value}' (expected {string.Join(", ", known)}).");
        }
    }

    /// <summary>The items of the sequence under <paramref name="key"/> (empty when absent, or with a problem when it is not a list).</summary>
    public IReadOnlyList<YamlNode> Items(YamlMappingNode map, string key, string path)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return [];
        }

        if (node is YamlSequenceNode sequence)
        {
            return sequence.Children.ToList();
        }

        Problem(node, path, "expected a list (items starting with '- ').");
        return [];
    }

    /// <summary>The mapping <paramref name="node"/>, or null with a problem.</summary>
    public YamlMappingNode? Mapping(YamlNode node, string path)
    {
        if (node is YamlMappingNode map)
        {
            return map;
        }

        Problem(node, path, "expected keys and values (key: value).");
        return null;
    }

    /// <summary>The text under <paramref name="key"/>; a required one that is missing or empty is a problem.</summary>
    public string? Text(YamlMappingNode map, string key, string path, bool required)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            if (required)
            {
                Problem(map, path, $"'{key}' is missing.");
            }

            return null;
        }

        if (node is not YamlScalarNode scalar || (required && string.IsNullOrWhiteSpace(scalar.Value)))
        {
            Problem(node, $"{path}.{key}", required ? "expected a value." : "expected a single value.");
            return null;
        }

        return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
    }

    /// <summary>The node under <paramref name="key"/>, if present.</summary>
    public static YamlNode? Node(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    /// <summary>The texts of the list under <paramref name="key"/> (a single value counts as a list of one).</summary>
    public IReadOnlyList<string> Texts(YamlMappingNode map, string key, string path)
    {
        switch (Node(map, key))
        {
            case null:
                return [];
            case YamlScalarNode single:
                return string.IsNullOrWhiteSpace(single.Value) ? [] : [single.Value.Trim()];
            case YamlSequenceNode sequence:
                var texts = new List<string>();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    if (sequence.Children[i] is YamlScalarNode { Value: { Length: > 0 } value })
                    {
                        texts.Add(value.Trim());
                    }
                    else
                    {
                        Problem(sequence.Children[i], string.Create(CultureInfo.InvariantCulture, $"{path}.{key}[{i}]"), "expected a value.");
                    }
                }

                return texts;
            case var other:
                Problem(other, $"{path}.{key}", "expected a value or a list of values.");
                return [];
        }
    }

    /// <summary>The value under <paramref name="key"/> read by <paramref name="parse"/> (null, with a problem naming <paramref name="expected"/>, when it cannot be).</summary>
    public T? Parsed<T>(YamlMappingNode map, string key, string path, bool required, Func<string, T?> parse, string expected)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(parse);
        var text = Text(map, key, path, required);
        if (text is null)
        {
            return null;
        }

        var value = parse(text);
        if (value is null)
        {
            Problem(Node(map, key)!, $"{path}.{key}", $"expected {expected}, found '{text}'.");
        }

        return value;
    }

    /// <summary>The date under <paramref name="key"/>, written yyyy-MM-dd.</summary>
    public DateOnly? Date(YamlMappingNode map, string key, string path, bool required) =>
        Parsed(map, key, path, required, text => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null,
            "a date that exists, written yyyy-MM-dd, e.g. 2024-01-31");
}
