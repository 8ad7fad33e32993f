using Microsoft.EntityFrameworkCore;
using Tessera.Governance.Keys;
using Tessera.Intake.Dictionaries;
using Tessera.Storage.Operational;

namespace Tessera.Storage.Workspaces;

/// <summary>
/// The sources a workspace takes deliveries from — each agency's data with the dictionary it is
/// read with (a library dictionary, every supported HMIS version, or the agency's own) and its
/// first data key — and the parsed dictionaries, kept once read.
/// </summary>
public sealed class SourceRegistry
{
    private readonly Workspace _workspace;
    private readonly Dictionary<string, IReadOnlyList<SourceDictionary>> _dictionaries = new(StringComparer.Ordinal);

    internal SourceRegistry(Workspace workspace) => _workspace = workspace;

    /// <summary>Registered sources (only those in <paramref name="scope"/> when it is given).</summary>
    public IReadOnlyList<SourceRecord> List(IReadOnlySet<string>? scope = null)
    {
        using var db = _workspace.Operational(scope);
        return db.Sources.AsNoTracking().OrderBy(s => s.Name).ToList();
    }

    /// <summary>Registers a source read with the dictionary in <paramref name="yaml"/> (validated first).</summary>
    /// <exception cref="WorkspaceException">A source of that name exists.</exception>
    /// <exception cref="DictionaryException">The dictionary is not usable.</exception>
    public SourceRecord Add(string name, string yaml, string origin, DateTime nowUtc)
    {
        var dictionary = DictionaryLoader.Parse(yaml, origin);
        if (dictionary.Source != name)
        {
            throw new DictionaryException(origin, [$"source: the dictionary describes '{dictionary.Source}', but the source is to be called '{name}'; make them the same."]);
        }

        return Register(name, "custom", yaml, nowUtc);
    }

    /// <summary>Registers a source read with a library dictionary (<paramref name="dictionaryName"/>) or a custom one, with its first data key.</summary>
    internal SourceRecord Register(string name, string dictionaryName, string yaml, DateTime nowUtc)
    {
        using var db = _workspace.Operational();
        if (db.Sources.Any(s => s.Name == name))
        {
            throw new WorkspaceException($"The workspace already has a source named '{name}'.");
        }

        var dictionaries = Parse(dictionaryName, yaml);
        var record = new SourceRecord
        {
            Name = name, DictionaryName = dictionaryName, DictionaryYaml = yaml, DictionaryVersion = dictionaries[0].Version,
            Title = dictionaries[0].IsHmis ? "Homelessness (HMIS CSV export)" : dictionaries[0].Title, AddedUtc = nowUtc,
        };
        db.Sources.Add(record);
        var key = DataKey.Generate(name, 1);
        db.DataKeys.Add(_workspace.Keys.Wrapped(key, nowUtc));
        db.SaveChanges();
        return record;
    }

    /// <summary>The dictionaries a source is read with: its own, or every supported HMIS version.</summary>
    /// <exception cref="WorkspaceException">No such source.</exception>
    public IReadOnlyList<SourceDictionary> Dictionaries(string source)
    {
        lock (_dictionaries)
        {
            if (_dictionaries.TryGetValue(source, out var cached))
            {
                return cached;
            }
        }

        var parsed = LoadDictionaries(source);
        lock (_dictionaries)
        {
            _dictionaries[source] = parsed;
        }

        return parsed;
    }

    private IReadOnlyList<SourceDictionary> LoadDictionaries(string source)
    {
        using var db = _workspace.Operational();
        var record = db.Sources.AsNoTracking().SingleOrDefault(s => s.Name == source)
            ?? throw new WorkspaceException($"The workspace has no source named '{source}'. Sources: {string.Join(", ", db.Sources.Select(s => s.Name).OrderBy(n => n))}. Add one with 'tessera source add'.");
        return Parse(record.DictionaryName, record.DictionaryYaml);
    }

    private static IReadOnlyList<SourceDictionary> Parse(string dictionaryName, string yaml) =>
        dictionaryName == DictionaryLibrary.HmisFamily
            ? DictionaryLibrary.HmisVersions.Select(DictionaryLibrary.Load).ToList()
            : [DictionaryLoader.Parse(yaml, dictionaryName + ".yaml")];
}
