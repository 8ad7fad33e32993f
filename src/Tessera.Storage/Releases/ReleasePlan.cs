using Tessera.Governance.Agreements;
using Tessera.Governance.Releases;
using Tessera.Intake.Dictionaries;

namespace Tessera.Storage.Releases;

/// <summary>
/// Which columns a released file has and how each is made, from its dictionary: the person key
/// becomes the release's person pseudonym; the keys of person-level records (an enrolment, an
/// exit, a household) become codes drawn for this release; each identifier is what its kind may
/// be at the licence's level (45 CFR 164.514: names, numbers and addresses removed; dates to the
/// year and ZIP codes to three digits in a de-identified data set); free text that describes a
/// person is removed; quasi-identifiers (year of birth, sex, race, ZIP) get the hierarchy
/// k-anonymity generalises them by.
/// </summary>
internal sealed class ReleasePlan
{
    private static readonly Dictionary<string, IdentifierKind> ByIdentity = new(StringComparer.Ordinal)
    {
        ["given_name"] = IdentifierKind.Name, ["middle_name"] = IdentifierKind.Name, ["family_name"] = IdentifierKind.Name, ["full_name"] = IdentifierKind.Name,
        ["name_suffix"] = IdentifierKind.Name, ["birth_date"] = IdentifierKind.BirthDate, ["ssn"] = IdentifierKind.Ssn, ["street"] = IdentifierKind.StreetAddress,
        ["city"] = IdentifierKind.City, ["zip"] = IdentifierKind.Zip, ["phone"] = IdentifierKind.Phone,
    };

    private ReleasePlan(string source, FileDefinition file, IReadOnlyList<ReleaseColumn> columns, IReadOnlyList<(string Field, string Reason)> removed)
    {
        Source = source;
        File = file;
        Columns = columns;
        Removed = removed;
    }

    /// <summary>The source.</summary>
    public string Source { get; }

    /// <summary>The file's dictionary definition.</summary>
    public FileDefinition File { get; }

    /// <summary>The released file's name, e.g. "homelessness.Client".</summary>
    public string Name => Source + "." + File.Name;

    /// <summary>The released columns, in order.</summary>
    public IReadOnlyList<ReleaseColumn> Columns { get; }

    /// <summary>Fields the licence covers that the release leaves out, and why.</summary>
    public IReadOnlyList<(string Field, string Reason)> Removed { get; }

    /// <summary>True when the file's rows are about people (it has a person key, or identifies a person row by row).</summary>
    public bool IsPersonLevel => IsPersonFile(File);

    /// <summary>The plan for <paramref name="file"/> of <paramref name="dictionary"/> under <paramref name="licence"/>: the fields it covers, at its level.</summary>
    public static ReleasePlan For(SourceDictionary dictionary, FileDefinition file, DataUseLicence licence)
    {
        var level = licence.Level;
        var codes = CodeFields(dictionary, file);
        var identities = file.Identity.GroupBy(i => i.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
        var columns = new List<ReleaseColumn>();
        var removed = new List<(string, string)>();
        if (IsPersonFile(file))
        {
            columns.Add(new ReleaseColumn("person", null, ColumnUse.Person, null, false, null, "the person, by a pseudonym drawn at random for this release"));
        }

        foreach (var field in file.Fields.Where(f => licence.Covers(dictionary.Source, file.Name, f.Name)))
        {
            var identity = identities.GetValueOrDefault(field.Name);
            if (field.Name == file.PersonKey)
            {
                removed.Add((field.Name, "the agency's person number: replaced by the release's person pseudonym"));
                continue;
            }

            if (codes.Contains(field.Name))
            {
                columns.Add(new ReleaseColumn(field.Name, field.Name, ColumnUse.Code, IdentifierKind.OtherUniqueIdentifier, field.IsEncrypted, null, "a record code drawn at random for this release"));
                continue;
            }

            var kind = identity is not null && ByIdentity.TryGetValue(identity, out var k) ? k
                : identity is not null && StandardIdentity.Encoded.Contains(identity) ? IdentifierKind.OtherUniqueIdentifier
                : field.IsEncrypted ? IdentifierKind.OtherUniqueIdentifier
                : Named(field.Name) is { } named ? named
                : field.Kind is FieldType.Date or FieldType.DateTime ? IdentifierKind.Date
                : field.Class == Sensitivity.QuasiIdentifier && field.Kind == FieldType.String && field.Codes.Count == 0 && identity != "sex" ? IdentifierKind.OtherUniqueIdentifier
                : (IdentifierKind?)null;
            if (kind is null)
            {
                columns.Add(new ReleaseColumn(field.Name, field.Name, ColumnUse.Value, null, false, Hierarchy(field, identity, null, level), "as delivered"));
                continue;
            }

            var rule = SafeHarbor.Rule(kind.Value, level);
            if (rule == ReleaseRule.Remove)
            {
                removed.Add((field.Name, Describe(kind.Value) + ": removed"));
                continue;
            }

            columns.Add(new ReleaseColumn(field.Name, field.Name, ColumnUse.Identifier, kind, field.IsEncrypted, Hierarchy(field, identity, kind, level), Describe(kind.Value) + ": " + Describe(rule)));
        }

        return new ReleasePlan(dictionary.Source, file, columns, removed);
    }

    /// <summary>True when <paramref name="file"/>'s rows are about people.</summary>
    public static bool IsPersonFile(FileDefinition file) => file.PersonKey is not null || file.Identity.Count > 0;

    // The fields that identify person-level records: the primary keys of person files, the fields
    // that refer to them, and household keys. Codes keep a release's files joinable to each other
    // and to nothing else.
    private static HashSet<string> CodeFields(SourceDictionary dictionary, FileDefinition file)
    {
        var personFiles = dictionary.Files.Where(IsPersonFile).ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        var fields = new HashSet<string>(StringComparer.Ordinal);
        if (IsPersonFile(file))
        {
            fields.UnionWith(file.PrimaryKey);
        }

        fields.UnionWith(file.References.Where(r => personFiles.ContainsKey(r.File)).SelectMany(r => r.Fields));
        if (file.Household is { } household)
        {
            fields.Add(household.Key);
        }

        fields.UnionWith(file.Fields.Where(f => f.Class == Sensitivity.QuasiIdentifier && f.Name.EndsWith("ID", StringComparison.Ordinal) && f.Kind == FieldType.String).Select(f => f.Name));
        return fields;
    }

    private static IdentifierKind? Named(string field)
    {
        var name = field.ToLowerInvariant();
        return name.Contains("zip", StringComparison.Ordinal) || name.Contains("postal", StringComparison.Ordinal) ? IdentifierKind.Zip
            : name.Contains("email", StringComparison.Ordinal) ? IdentifierKind.Email
            : name.Contains("phone", StringComparison.Ordinal) ? IdentifierKind.Phone
            : null;
    }

    // How a quasi-identifier generalises; null for a field that is not one.
    private static Hierarchy? Hierarchy(FieldDefinition field, string? identity, IdentifierKind? kind, ReleaseLevel level) => kind switch
    {
        IdentifierKind.BirthDate => level == ReleaseLevel.Deidentified ? Governance.Releases.Hierarchy.Bands(field.Name, 5, 10, 20) : Governance.Releases.Hierarchy.Dates(field.Name, 5, 10, 20),
        IdentifierKind.Zip => level == ReleaseLevel.Deidentified ? Governance.Releases.Hierarchy.Prefix(field.Name, 2, 1) : Governance.Releases.Hierarchy.Prefix(field.Name, 3, 1),
        IdentifierKind.Age => Governance.Releases.Hierarchy.Bands(field.Name, 5, 10, 20),
        IdentifierKind.City => Governance.Releases.Hierarchy.KeepOrHide(field.Name),
        IdentifierKind.Date => null,
        _ when field.Class == Sensitivity.QuasiIdentifier || identity == "sex" => field.Kind == FieldType.Integer && field.Codes.Count == 0
            ? Governance.Releases.Hierarchy.Bands(field.Name, 5, 10, 20)
            : Governance.Releases.Hierarchy.KeepOrHide(field.Name),
        _ => null,
    };

    private static string Describe(IdentifierKind kind) => kind switch
    {
        IdentifierKind.Name => "name",
        IdentifierKind.StreetAddress => "street address",
        IdentifierKind.City => "town or city",
        IdentifierKind.Zip => "ZIP code",
        IdentifierKind.BirthDate => "date of birth",
        IdentifierKind.Date => "date",
        IdentifierKind.Age => "age",
        IdentifierKind.Phone => "telephone number",
        IdentifierKind.Email => "e-mail address",
        IdentifierKind.Ssn => "Social Security number",
        IdentifierKind.OtherUniqueIdentifier => "an identifying number, code or free text",
        _ => kind.ToString(),
    };

    private static string Describe(ReleaseRule rule) => rule switch
    {
        ReleaseRule.YearOnly => "the year only (90 or older grouped)",
        ReleaseRule.Zip3 => "the first three digits (000 for areas of 20,000 people or fewer)",
        ReleaseRule.AgeGrouped => "ages over 89 grouped as 90 or older",
        ReleaseRule.Keep => "kept (limited data set)",
        _ => "removed",
    };
}
