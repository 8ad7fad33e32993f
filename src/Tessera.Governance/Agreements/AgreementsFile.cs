using System.Globalization;
using Tessera.Core.Text;
using YamlDotNet.RepresentationModel;

namespace Tessera.Governance.Agreements;

/// <summary>
/// The agreements as an administrator writes them (<c>tessera agreements import FILE</c>): the
/// enterprise MOU (<c>emou:</c>), the data sharing agreements (<c>dsas:</c>) and the data use
/// licences (<c>duls:</c>). Every problem is listed with its line, so one run shows them all.
/// </summary>
public sealed class AgreementsFile
{
    private AgreementsFile(string name) => Name = name;

    /// <summary>The file's name, for messages.</summary>
    public string Name { get; }

    /// <summary>The enterprise MOU, when the file has one.</summary>
    public Emou? Emou { get; private set; }

    /// <summary>The data sharing agreements.</summary>
    public IReadOnlyList<DataSharingAgreement> Dsas { get; private set; } = [];

    /// <summary>The data use licences.</summary>
    public IReadOnlyList<DataUseLicence> Duls { get; private set; } = [];

    /// <summary>A file holding one licence only (one entered in a form), named <paramref name="name"/> for messages.</summary>
    public static AgreementsFile Of(string name, DataUseLicence licence)
    {
        ArgumentNullException.ThrowIfNull(licence);
        return new AgreementsFile(name) { Duls = [licence] };
    }

    /// <summary>Reads <paramref name="text"/>, the content of the file <paramref name="name"/>.</summary>
    /// <exception cref="AgreementsFileException">The file has problems; every one is listed.</exception>
    public static AgreementsFile Read(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reading = new YamlReading();
        var file = new AgreementsFile(name);
        if (reading.Root(text) is { } root)
        {
            reading.OnlyKeys(root, "the file", "emou", "dsas", "duls");
            file.Emou = YamlReading.Node(root, "emou") is { } node && reading.Mapping(node, "emou") is { } emou ? ReadEmou(reading, emou) : null;
            file.Dsas = ReadDsas(reading, root);
            file.Duls = ReadDuls(reading, root);
            var ids = new[] { file.Emou?.Id }.Concat(file.Dsas.Select(d => d.Id)).Concat(file.Duls.Select(d => d.Id)).OfType<string>().ToList();
            foreach (var twice in ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                reading.Problem(root, "the file", $"the id '{twice.Key}' names {twice.Count()} agreements; each needs its own.");
            }
        }

        if (reading.Problems.Count > 0)
        {
            throw new AgreementsFileException(name, reading.Problems);
        }

        return file;
    }

    private static Emou? ReadEmou(YamlReading reading, YamlMappingNode map)
    {
        const string path = "emou";
        reading.OnlyKeys(map, path, "id", "parties", "review_body", "start", "end", "purpose", "decision_rules", "community_review");
        var id = reading.Text(map, "id", path, required: true);
        var parties = reading.Texts(map, "parties", path);
        var review = reading.Text(map, "review_body", path, required: true);
        var start = reading.Date(map, "start", path, required: true);
        var end = reading.Date(map, "end", path, required: true);
        var community = reading.Parsed(map, "community_review", path, required: false, t => bool.TryParse(t, out var b) ? b : (bool?)null, "true or false");
        if (parties.Count == 0)
        {
            reading.Problem(map, path + ".parties", "list the data partners who sign it (their source names).");
        }

        if (start > end)
        {
            reading.Problem(map, path + ".end", "the MOU ends before it starts.");
        }

        return id is null || review is null || start is null || end is null ? null
            : new Emou(id, parties, review, start.Value, end.Value, reading.Text(map, "purpose", path, required: false), reading.Text(map, "decision_rules", path, required: false), community ?? false);
    }

    private static List<DataSharingAgreement> ReadDsas(YamlReading reading, YamlMappingNode root)
    {
        var dsas = new List<DataSharingAgreement>();
        var items = reading.Items(root, "dsas", "dsas");
        for (var i = 0; i < items.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"dsas[{i}]");
            if (reading.Mapping(items[i], path) is not { } map)
            {
                continue;
            }

            reading.OnlyKeys(map, path, "id", "partner", "sources", "transfer", "destroy_on", "start", "end", "retention");
            var id = reading.Text(map, "id", path, required: true);
            var partner = reading.Text(map, "partner", path, required: true);
            var sources = reading.Texts(map, "sources", path);
            var transfer = reading.Parsed(map, "transfer", path, required: true, t => t switch { "plaintext" => Transfer.Plaintext, "encoded" => Transfer.Encoded, _ => (Transfer?)null }, "plaintext or encoded");
            var destroy = reading.Date(map, "destroy_on", path, required: false);
            var start = reading.Date(map, "start", path, required: false);
            var end = reading.Date(map, "end", path, required: false);
            if (sources.Count == 0)
            {
                reading.Problem(map, path + ".sources", "list the sources the agreement covers.");
            }

            if (id is not null && partner is not null && transfer is not null)
            {
                dsas.Add(new DataSharingAgreement(id, partner, sources, transfer.Value, destroy, start, end, reading.Text(map, "retention", path, required: false)));
            }
        }

        return dsas;
    }

    private static List<DataUseLicence> ReadDuls(YamlReading reading, YamlMappingNode root)
    {
        var duls = new List<DataUseLicence>();
        var items = reading.Items(root, "duls", "duls");
        for (var i = 0; i < items.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"duls[{i}]");
            if (reading.Mapping(items[i], path) is not { } map)
            {
                continue;
            }

            reading.OnlyKeys(map, path, "id", "licensee", "project", "purpose", "questions", "sources", "level", "start", "end", "destroy_on", "security_plan", "dissemination_plan");
            var id = reading.Text(map, "id", path, required: true);
            var licensee = reading.Text(map, "licensee", path, required: true);
            var project = reading.Text(map, "project", path, required: true);
            var purpose = reading.Text(map, "purpose", path, required: true);
            var level = reading.Parsed(map, "level", path, required: true, t => t switch { "deidentified" => ReleaseLevel.Deidentified, "limited" => ReleaseLevel.Limited, _ => (ReleaseLevel?)null }, "deidentified or limited");
            var start = reading.Date(map, "start", path, required: true);
            var end = reading.Date(map, "end", path, required: true);
            var sources = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            if (YamlReading.Node(map, "sources") is not { } node || reading.Mapping(node, path + ".sources") is not { } listed || listed.Children.Count == 0)
            {
                reading.Problem(map, path + ".sources", "name each source with the files (or file.field) the licence may use, e.g. { workforce: [participants, ui_wages] }.");
            }
            else
            {
                foreach (var key in listed.Children.Keys.OfType<YamlScalarNode>())
                {
                    var entries = reading.Texts(listed, key.Value!, $"{path}.sources");
                    if (entries.Count == 0)
                    {
                        reading.Problem(key, $"{path}.sources.{key.Value}", "list the files (or file.field) the licence may use.");
                    }

                    sources[key.Value!] = entries;
                }
            }

            if (start > end)
            {
                reading.Problem(map, path + ".end", "the licence ends before it starts.");
            }

            if (id is not null && licensee is not null && project is not null && purpose is not null && level is not null && start is not null && end is not null)
            {
                duls.Add(new DataUseLicence(id, licensee, project, purpose, sources, level.Value, start.Value, end.Value, reading.Texts(map, "questions", path),
                    reading.Date(map, "destroy_on", path, required: false), reading.Text(map, "security_plan", path, required: false), reading.Text(map, "dissemination_plan", path, required: false)));
            }
        }

        return duls;
    }
}
