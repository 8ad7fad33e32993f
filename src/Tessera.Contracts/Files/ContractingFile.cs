using System.Globalization;
using Tessera.Contracts.Providers;
using Tessera.Core.Contracting;
using YamlDotNet.RepresentationModel;

namespace Tessera.Contracts.Files;

/// <summary>
/// A file of the contracting registry as a team keeps it under version control: its
/// <c>programs:</c> and <c>providers:</c> (and, with the contracts, <c>contracts:</c>). For example:
/// <code>
/// providers:
///   - id: WF01
///     name: Northside Training
///     program: job-training
///     identifiers: [{ source: workforce, field: provider_id, value: WF01 }]
/// </code>
/// Reading checks the file's own shape — keys, required values, ids, duplicates, one provider per
/// code; what it names in the workspace (sources, fields, metrics) is checked by the import.
/// </summary>
public sealed class ContractingFile
{
    private ContractingFile(string name)
    {
        Name = name;
    }

    /// <summary>The file's name, for messages.</summary>
    public string Name { get; }

    /// <summary>Programs the file defines.</summary>
    public IReadOnlyList<ServiceProgram> Programs { get; private set; } = [];

    /// <summary>Providers the file defines, each with the line it starts on.</summary>
    public IReadOnlyList<(Provider Provider, int Line)> Providers { get; private set; } = [];

    /// <summary>True when the file has a <c>providers:</c> list.</summary>
    public bool HasProviders { get; private set; }

    /// <summary>True when the file has a <c>contracts:</c> list.</summary>
    public bool HasContracts { get; private set; }

    /// <summary>Reads <paramref name="text"/>, the content of the file <paramref name="name"/>.</summary>
    /// <exception cref="ContractingFileException">The file has problems; every one is listed.</exception>
    public static ContractingFile Read(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reading = new YamlReading();
        var file = new ContractingFile(name);
        if (reading.Root(text) is { } root)
        {
            reading.OnlyKeys(root, "the file", "programs", "providers", "contracts");
            file.HasProviders = YamlReading.Node(root, "providers") is not null;
            file.HasContracts = YamlReading.Node(root, "contracts") is not null;
            file.Programs = ReadPrograms(reading, root);
            file.Providers = ReadProviders(reading, root);
        }

        if (reading.Problems.Count > 0)
        {
            throw new ContractingFileException(name, reading.Problems);
        }

        return file;
    }

    private static List<ServiceProgram> ReadPrograms(YamlReading reading, YamlMappingNode root)
    {
        var programs = new List<ServiceProgram>();
        var items = reading.Items(root, "programs", "programs");
        for (var i = 0; i < items.Count; i++)
        {
            var path = Path("programs", i);
            if (reading.Mapping(items[i], path) is not { } map)
            {
                continue;
            }

            reading.OnlyKeys(map, path, "id", "name");
            var id = reading.Text(map, "id", path, required: true);
            var name = reading.Text(map, "name", path, required: false);
            if (id is null)
            {
                continue;
            }

            if (programs.Any(p => p.Id == id))
            {
                reading.Problem(map, path + ".id", $"program '{id}' is defined twice in this file.");
                continue;
            }

            programs.Add(name is null ? ServiceProgram.Named(id) : new ServiceProgram(id, name));
        }

        return programs;
    }

    private static List<(Provider, int)> ReadProviders(YamlReading reading, YamlMappingNode root)
    {
        var providers = new List<(Provider, int)>();
        var items = reading.Items(root, "providers", "providers");
        for (var i = 0; i < items.Count; i++)
        {
            var path = Path("providers", i);
            if (reading.Mapping(items[i], path) is not { } map)
            {
                continue;
            }

            reading.OnlyKeys(map, path, "id", "name", "type", "program", "agencies", "identifiers");
            var idText = reading.Text(map, "id", path, required: true);
            var name = reading.Text(map, "name", path, required: true);
            var program = reading.Text(map, "program", path, required: true);
            var type = reading.Text(map, "type", path, required: false);
            var identifiers = ReadIdentifiers(reading, map, path);
            var agencies = reading.Texts(map, "agencies", path);
            if (idText is null || name is null || program is null)
            {
                continue;
            }

            if (!ProviderId.TryParse(idText, out var id))
            {
                reading.Problem(map, path + ".id", $"'{idText}' is not a provider id: use 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.");
                continue;
            }

            if (providers.Any(p => p.Item1.Id == id))
            {
                reading.Problem(map, path + ".id", $"provider {id} is defined twice in this file.");
                continue;
            }

            // Agencies default to the sources whose data name the provider.
            var worksFor = agencies.Count > 0 ? agencies : identifiers.Select(c => c.Source).Distinct(StringComparer.Ordinal).ToList();
            providers.Add((new Provider(id, name, type, program, worksFor, identifiers), (int)map.Start.Line));
        }

        try
        {
            ProviderCrosswalk.Of(providers.Select(p => p.Item1));
        }
        catch (InvalidOperationException ex)
        {
            reading.Problem(root, "providers", ex.Message);
        }

        return providers;
    }

    private static List<ProviderIdentifier> ReadIdentifiers(YamlReading reading, YamlMappingNode provider, string providerPath)
    {
        var identifiers = new List<ProviderIdentifier>();
        var items = reading.Items(provider, "identifiers", providerPath + ".identifiers");
        for (var i = 0; i < items.Count; i++)
        {
            var path = Path(providerPath + ".identifiers", i);
            if (reading.Mapping(items[i], path) is not { } map)
            {
                continue;
            }

            reading.OnlyKeys(map, path, "source", "field", "value");
            var source = reading.Text(map, "source", path, required: true);
            var field = reading.Text(map, "field", path, required: true);
            var value = reading.Text(map, "value", path, required: true);
            if (source is not null && field is not null && value is not null)
            {
                identifiers.Add(new ProviderIdentifier(source, field, value));
            }
        }

        // One order everywhere (the registry's), so the same codes listed differently are the same provider.
        return identifiers.OrderBy(c => c.Source, StringComparer.Ordinal).ThenBy(c => c.Field, StringComparer.Ordinal).ThenBy(c => c.Value, StringComparer.Ordinal).ToList();
    }

    private static string Path(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}]");
}
