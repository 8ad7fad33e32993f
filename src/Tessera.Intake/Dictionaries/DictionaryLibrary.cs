namespace Tessera.Intake.Dictionaries;

/// <summary>
/// The dictionaries shipped with Tessera: one per source of the synthetic county and HUD's HMIS
/// CSV formats (FY2022, FY2024, FY2026). <c>tessera init</c> registers the county's sources with
/// these; an HMIS source picks its format from each export's <c>Export.csv</c>.
/// </summary>
public static class DictionaryLibrary
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Texts = new(ReadAll);

    /// <summary>Names of the synthetic county's sources, which are also their folder names.</summary>
    public static IReadOnlyList<string> CountySources { get; } = ["benefits", "child_care", "child_welfare", "homelessness", "workforce", "corrections", "provider_services"];

    /// <summary>Name under which a source uses the HMIS family (any supported FY) rather than one fixed dictionary.</summary>
    public const string HmisFamily = "hmis";

    /// <summary>Names of the shipped HMIS dictionaries, newest first.</summary>
    public static IReadOnlyList<string> HmisVersions { get; } = ["hmis-fy2026", "hmis-fy2024", "hmis-fy2022"];

    /// <summary>Names of every shipped dictionary, e.g. "benefits", "hmis-fy2024".</summary>
    public static IEnumerable<string> Names => Texts.Value.Keys.Where(name => name != "glossary").Order(StringComparer.Ordinal);

    /// <summary>The YAML text of shipped dictionary <paramref name="name"/>.</summary>
    public static string Text(string name) =>
        Texts.Value.TryGetValue(name, out var text) ? text : throw new DictionaryException($"There is no shipped dictionary named '{name}'.");

    /// <summary>The parsed shipped dictionary <paramref name="name"/>.</summary>
    public static SourceDictionary Load(string name) => DictionaryLoader.Parse(Text(name), name + ".yaml");

    /// <summary>The dictionary name a county source is registered with ("hmis" for homelessness).</summary>
    public static string ForCountySource(string source) => source == "homelessness" ? HmisFamily : source;

    private static Dictionary<string, string> ReadAll()
    {
        var assembly = typeof(DictionaryLibrary).Assembly;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("dictionaries/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            texts[Path.GetFileNameWithoutExtension(resource["dictionaries/".Length..])] = reader.ReadToEnd();
        }

        return texts;
    }
}
