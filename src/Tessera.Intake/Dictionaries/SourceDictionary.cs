namespace Tessera.Intake.Dictionaries;

/// <summary>
/// What one source delivers: its files, their fields and rules, how files refer to each other,
/// which fields identify a person and which record events. Written in YAML by the people who
/// know the source, versioned, and the single reference for validation, storage (what gets
/// encrypted), quality reports and linkage. Example: <c>benefits</c> delivers <c>cases</c>,
/// <c>members</c>, <c>payments</c> and <c>addresses</c> every month.
/// </summary>
public sealed class SourceDictionary
{
    /// <summary>Source name, lower case with underscores, e.g. "child_welfare".</summary>
    public string Source { get; set; } = "";

    /// <summary>Dictionary version; raise it whenever a field, rule or code list changes.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Human title, e.g. "County benefits (SNAP, TANF, Medicaid)".</summary>
    public string Title { get; set; } = "";

    /// <summary>Agency that delivers the source.</summary>
    public string Agency { get; set; } = "";

    /// <summary>What the source is and how it is delivered.</summary>
    public string Description { get; set; } = "";

    /// <summary>"files" (a folder of CSV or Parquet files per period) or "hmis_csv" (a HUD HMIS CSV export).</summary>
    public string Format { get; set; } = "files";

    /// <summary>For HMIS dictionaries: the <c>Export.csv</c> CSVVersion values this dictionary reads, e.g. "2024 v1.3".</summary>
    public List<string> CsvVersions { get; set; } = [];

    /// <summary>A delivery is rejected when more than this share of its rows fail validation (0.05 = 5%).</summary>
    public double MaxErrorShare { get; set; } = 0.05;

    /// <summary>
    /// When true, values outside a code list are reported in the quality profile instead of
    /// quarantined. HMIS sets this: HUD's reports are defined over every row, including those
    /// with codes a vendor should not have used.
    /// </summary>
    public bool ReportInvalidCodes { get; set; }

    /// <summary>
    /// The field, present in every file and part of every file's key, that names the provider when
    /// providers deliver the source themselves — each its own rows, from its own system (attendance,
    /// sessions, contacts). A provider's delivery replaces only that provider's earlier delivery of
    /// the period, and a row naming another provider is quarantined. Null for an agency's source.
    /// </summary>
    public string? ProviderField { get; set; }

    /// <summary>True when providers deliver the source, each its own rows (<see cref="ProviderField"/>).</summary>
    public bool IsDeliveredByProviders => ProviderField is not null;

    /// <summary>
    /// The laws that protect the source's records beyond HIPAA-style rules: <c>ferpa</c> (education
    /// records, 34 CFR Part 99: a release needs a licence with a destruction date) and <c>part2</c>
    /// (substance use disorder treatment records, 42 CFR Part 2: every release carries the notice
    /// prohibiting redisclosure). Releases honour them; the agreements pages show them.
    /// </summary>
    public List<string> Protections { get; set; } = [];

    /// <summary>The protection names a dictionary may give.</summary>
    public static IReadOnlySet<string> KnownProtections { get; } = new HashSet<string>(["ferpa", "part2"], StringComparer.Ordinal);

    /// <summary>The files of one delivery.</summary>
    public List<FileDefinition> Files { get; set; } = [];

    /// <summary>The file named <paramref name="name"/> (case-insensitive), or null.</summary>
    public FileDefinition? File(string name) =>
        Files.Find(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// This dictionary as it reads a delivery by <paramref name="provider"/>: the provider field
    /// takes that provider's id only, so a row naming any other is quarantined with the reason.
    /// </summary>
    public SourceDictionary DeliveredBy(string provider)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        if (ProviderField is null)
        {
            throw new InvalidOperationException($"{Source} is not delivered by providers.");
        }

        var copy = (SourceDictionary)MemberwiseClone();
        copy.Files = [.. Files.Select(file => file.WithField(ProviderField, field => field.WithCodes(new() { [provider] = "the provider delivering" })))];
        return copy;
    }

    /// <summary>True when deliveries are HUD HMIS CSV exports.</summary>
    public bool IsHmis => Format == "hmis_csv";
}
