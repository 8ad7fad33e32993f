using System.Globalization;
using Tessera.Contracts.Agreements;
using Tessera.Contracts.Providers;
using Tessera.Core.Contracting;
using Tessera.Core.Text;
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
/// Reading checks the file's own shape — keys, required values, ids, dates, amounts, duplicates,
/// one provider per code, contracts of one provider and program that overlap; what it names in
/// the workspace (sources, fields, providers, metrics) is checked by the import.
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

    /// <summary>Contracts the file defines, each with the line it starts on.</summary>
    public IReadOnlyList<(Contract Contract, int Line)> Contracts { get; private set; } = [];

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
            file.Contracts = ReadContracts(reading, root);
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

    private static List<(Contract, int)> ReadContracts(YamlReading reading, YamlMappingNode root)
    {
        var contracts = new List<(Contract, int)>();
        var items = reading.Items(root, "contracts", "contracts");
        for (var i = 0; i < items.Count; i++)
        {
            var path = Path("contracts", i);
            if (reading.Mapping(items[i], path) is not { } map)
            {
                continue;
            }

            reading.OnlyKeys(map, path, "id", "agency", "provider", "program", "start", "end", "value", "funding_source", "stage", "population", "metrics", "payments");
            var id = Parsed(reading, map, "id", path, required: true, text => ContractId.TryParse(text, out var v) ? v : (ContractId?)null, "a contract id: 1 to 64 letters, digits, dots, dashes or underscores");
            var agency = reading.Text(map, "agency", path, required: true);
            var provider = Parsed(reading, map, "provider", path, required: true, text => ProviderId.TryParse(text, out var v) ? v : (ProviderId?)null, "a provider id");
            var program = reading.Text(map, "program", path, required: true);
            var start = Date(reading, map, "start", path, required: true);
            var end = Date(reading, map, "end", path, required: true);
            var value = Parsed(reading, map, "value", path, required: false, text => Money.TryParse(text, out var v) ? v : (Money?)null, "an amount in dollars with at most two decimals, e.g. 250000.00");
            var stage = Parsed(reading, map, "stage", path, required: false, text => Enum.TryParse<ContractStage>(text, ignoreCase: true, out var v) ? v : (ContractStage?)null, "plan, procure, manage or evaluate") ?? ContractStage.Manage;
            var metrics = ReadMetrics(reading, map, path, start);
            if (id is not { } contractId || agency is null || provider is not { } providerId || program is null || start is not { } from || end is not { } to)
            {
                continue;
            }

            if (to < from)
            {
                reading.Problem(map, path + ".end", string.Create(CultureInfo.InvariantCulture, $"the contract ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})."));
                continue;
            }

            if (metrics.Count == 0)
            {
                reading.Problem(map, path + ".metrics", "a contract needs at least one metric, each with a target.");
            }

            foreach (var target in metrics.SelectMany(m => m.Targets).Where(t => t.From > to))
            {
                reading.Problem(map, path + ".metrics", string.Create(CultureInfo.InvariantCulture, $"a target from {target.From:yyyy-MM-dd} starts after the contract ends ({to:yyyy-MM-dd})."));
            }

            var payments = YamlReading.Node(map, "payments") is { } paymentsNode ? PaymentTermsReading.Read(reading, paymentsNode, path + ".payments", metrics) : null;
            var contract = new Contract(contractId, agency, providerId, program, from, to, value, reading.Text(map, "funding_source", path, required: false), stage,
                reading.Text(map, "population", path, required: false), metrics) { Payments = payments };
            if (contracts.Any(c => c.Item1.Id == contractId))
            {
                reading.Problem(map, path + ".id", $"contract {contractId} is defined twice in this file.");
                continue;
            }

            if (contracts.FirstOrDefault(c => c.Item1.Agency == agency && c.Item1.Provider == providerId && c.Item1.Program == program && c.Item1.Overlaps(contract)) is { Item1: { } other })
            {
                reading.Problem(map, path + ".start", $"its period overlaps contract {other.Id} ({other.Start:yyyy-MM-dd} to {other.End:yyyy-MM-dd}) of the same agency, provider and program; results would count twice.");
                continue;
            }

            contracts.Add((contract, (int)map.Start.Line));
        }

        return contracts;
    }

    internal static List<ContractMetric> ReadMetrics(YamlReading reading, YamlMappingNode contract, string contractPath, DateOnly? start)
    {
        var metrics = new List<ContractMetric>();
        var items = reading.Items(contract, "metrics", contractPath + ".metrics");
        for (var i = 0; i < items.Count; i++)
        {
            var path = Path(contractPath + ".metrics", i);
            if (reading.Mapping(items[i], path) is not { } map)
            {
                continue;
            }

            reading.OnlyKeys(map, path, "metric", "type", "target", "watch", "proposed_by", "agreed_on", "reason", "targets", "best_practice");
            var metric = reading.Text(map, "metric", path, required: true);
            var type = Parsed(reading, map, "type", path, required: true, text => Enum.TryParse<MeasureType>(text, ignoreCase: true, out var v) ? v : (MeasureType?)null, "input, activity or outcome");
            var watch = Parsed(reading, map, "watch", path, required: false, Number, "a number of 0 or more") ?? 0m;
            if (watch < 0)
            {
                reading.Problem(map, path + ".watch", "expected a number of 0 or more.");
            }

            var targets = new List<PeriodTarget>();
            if (YamlReading.Node(map, "target") is not null)
            {
                if (Parsed(reading, map, "target", path, required: true, Number, "a number, e.g. 0.50 for a rate of 50%") is { } single && start is { } from)
                {
                    targets.Add(new PeriodTarget(from, single, reading.Text(map, "proposed_by", path, required: false), Date(reading, map, "agreed_on", path, required: false), reading.Text(map, "reason", path, required: false)));
                }
            }

            var listed = reading.Items(map, "targets", path + ".targets");
            for (var t = 0; t < listed.Count; t++)
            {
                var targetPath = Path(path + ".targets", t);
                if (reading.Mapping(listed[t], targetPath) is not { } item)
                {
                    continue;
                }

                reading.OnlyKeys(item, targetPath, "from", "value", "proposed_by", "agreed_on", "reason");
                var from = Date(reading, item, "from", targetPath, required: true);
                var value = Parsed(reading, item, "value", targetPath, required: true, Number, "a number");
                if (from is { } day && value is { } v)
                {
                    if (targets.Any(x => x.From == day))
                    {
                        reading.Problem(item, targetPath + ".from", string.Create(CultureInfo.InvariantCulture, $"two targets start on {day:yyyy-MM-dd}; each period has one target."));
                        continue;
                    }

                    targets.Add(new PeriodTarget(day, v, reading.Text(item, "proposed_by", targetPath, required: false), Date(reading, item, "agreed_on", targetPath, required: false), reading.Text(item, "reason", targetPath, required: false)));
                }
            }

            if (targets.Count == 0 && metric is not null)
            {
                reading.Problem(map, path, "'target' is missing (or give 'targets', each with 'from' and 'value').");
            }

            BestPractice? best = null;
            if (YamlReading.Node(map, "best_practice") is { } bestNode && reading.Mapping(bestNode, path + ".best_practice") is { } bestMap)
            {
                reading.OnlyKeys(bestMap, path + ".best_practice", "value", "citation");
                var bestValue = Parsed(reading, bestMap, "value", path + ".best_practice", required: true, Number, "a number");
                var citation = reading.Text(bestMap, "citation", path + ".best_practice", required: true);
                best = bestValue is { } b && citation is not null ? new BestPractice(b, citation) : null;
            }

            if (metric is null || type is not { } kind || targets.Count == 0)
            {
                continue;
            }

            if (metrics.Any(m => m.Metric == metric))
            {
                reading.Problem(map, path + ".metric", $"metric {metric} appears twice in this contract.");
                continue;
            }

            metrics.Add(new ContractMetric(metric, kind, [.. targets.OrderBy(t => t.From)], watch, best));
        }

        return metrics;
    }

    internal static decimal? Number(string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static DateOnly? Date(YamlReading reading, YamlMappingNode map, string key, string path, bool required) => reading.Date(map, key, path, required);

    internal static T? Parsed<T>(YamlReading reading, YamlMappingNode map, string key, string path, bool required, Func<string, T?> parse, string expected)
        where T : struct => reading.Parsed(map, key, path, required, parse, expected);

    internal static string Path(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}]");
}
