using Tessera.Governance.Keys;
using Tessera.Intake.Delivering;
using Tessera.Intake.Dictionaries;
using Tessera.Linkage.Families;
using Tessera.Linkage.Records;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Linking;

/// <summary>
/// The person records of a workspace, ready for linkage, identifiers opened with the source's key:
/// one record per person the file knows when its primary key holds the person key (benefits'
/// members, HMIS clients; latest version), otherwise one per row (each arrest, each wage record),
/// with rows that share a person key (an arrest's fingerprint-based SID) bound together as one
/// person before any comparison. Each dictionary says which fields are which standard identity
/// column; a household's address (benefits' case address) is given
/// to its members; household roles and stated relations are kept for the family graph.
/// </summary>
internal sealed class WorkspaceRecords
{
    private readonly Dictionary<string, int> _position = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byPersonKey = new(StringComparer.Ordinal);

    public List<IdentityRecord> Records { get; } = [];

    public List<LinkedRecord> Origins { get; } = [];

    public List<HouseholdMembership> Memberships { get; } = [];

    public List<StatedRelation> Relations { get; } = [];

    /// <summary>Records the source itself says are one person (same person key in one file).</summary>
    public List<(int Left, int Right)> SamePerson { get; } = [];

    /// <summary>
    /// Records their source says are two people: two members of one household where the source
    /// lists each person once (<c>members_distinct</c>, HMIS).
    /// </summary>
    public List<(int Left, int Right)> DistinctPeople { get; } = [];

    /// <summary>Sources skipped because their keys were destroyed.</summary>
    public List<string> Unreadable { get; } = [];

    /// <summary>Record keys of each input number (source/file), for reading results.</summary>
    public List<string> Inputs { get; } = [];

    /// <summary>The position of the record with <paramref name="key"/> (source/file/record id), or -1.</summary>
    public int PositionOf(string key) => _position.GetValueOrDefault(key, -1);

    /// <summary>The position of the first record of <paramref name="file"/> with person key <paramref name="personKey"/>, or -1.</summary>
    private int PositionOfPerson(string source, string? file, string? personKey) =>
        file is null || personKey is null ? -1 : _byPersonKey.GetValueOrDefault($"{source}/{file}/{personKey}", -1);

    public static WorkspaceRecords Read(Workspace workspace)
    {
        var gathered = new WorkspaceRecords();
        foreach (var source in workspace.Sources.List().Select(s => s.Name))
        {
            IdentifierReader reader;
            try
            {
                reader = workspace.Identifiers(source);
            }
            catch (KeyUnavailableException)
            {
                gathered.Unreadable.Add(source);
                continue;
            }

            using (reader)
            {
                gathered.ReadSource(workspace, source, reader);
            }
        }

        return gathered;
    }

    private void ReadSource(Workspace workspace, string source, IdentifierReader reader)
    {
        var files = FilesOf(workspace, source).Where(f => workspace.Vault.HasRows(source, f.Name)).ToList();
        var addresses = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => f.Household is not null && IsAddressOnly(f)))
        {
            ReadIdentities(workspace, source, file, reader, (_, _, household, values) => addresses[household!] = values);
        }

        var personFiles = files.Where(f => f.Identity.Count > 0 && !IsAddressOnly(f)).ToList();
        foreach (var file in personFiles)
        {
            var input = Inputs.Count;
            Inputs.Add(source + "/" + file.Name);
            var latest = new Dictionary<string, (string? Person, string? Household, string?[] Values)>(StringComparer.Ordinal);
            ReadIdentities(workspace, source, file, reader, (id, person, household, values) => latest[id] = (person, household, values));
            foreach (var (id, (person, household, values)) in latest)
            {
                if (household is not null && addresses.TryGetValue(household, out var address))
                {
                    foreach (var column in new[] { StandardColumn.Street, StandardColumn.City, StandardColumn.Zip })
                    {
                        values[(int)column] ??= address[(int)column];
                    }
                }

                var key = RecordKey.Of(source, file.Name, id);
                _position[key] = Records.Count;
                if (person is not null)
                {
                    if (_byPersonKey.TryGetValue($"{source}/{file.Name}/{person}", out var first))
                    {
                        SamePerson.Add((first, Records.Count));
                    }
                    else
                    {
                        _byPersonKey[$"{source}/{file.Name}/{person}"] = Records.Count;
                    }
                }

                Records.Add(new IdentityRecord(input, key, values));
                Origins.Add(new LinkedRecord(key, source, file.Name, id, "", person));
            }
        }

        foreach (var file in files)
        {
            ReadFamilies(workspace, source, file, personFiles);
        }
    }

    /// <summary>
    /// Reads a file's identity values, calling back per row in delivery order with the record id,
    /// person key and household key, so the last call for a record id is its latest version.
    /// </summary>
    private static void ReadIdentities(Workspace workspace, string source, FileDefinition file, IdentifierReader reader, Action<string, string?, string?, string?[]> row, string? onlyId = null, string? onlyHousehold = null)
    {
        var keyFields = KeyFields(file);
        var plain = file.Identity.Where(i => file.Field(i.Value) is { IsEncrypted: false }).ToList();
        var columns = new List<string> { TableLayout.DeliveryColumn, TableLayout.RowColumn };
        columns.AddRange(keyFields.Select(TableLayout.ColumnName));
        var personAt = file.PersonKey is null ? -1 : columns.Count;
        if (file.PersonKey is { } person)
        {
            columns.Add(TableLayout.ColumnName(person));
        }

        var householdAt = file.Household is null ? -1 : columns.Count;
        if (file.Household is { } household)
        {
            columns.Add(TableLayout.ColumnName(household.Key));
        }

        var plainAt = columns.Count;
        columns.AddRange(plain.Select(p => TableLayout.ColumnName(p.Value)));
        var sexAt = plain.FindIndex(p => p.Key == "sex");
        var sexCodes = sexAt < 0 ? null : file.Field(plain[sexAt].Value)!.Codes;
        var flagsAt = columns.Count;
        var sexFlags = SexFlagsOf(workspace, source, file.Name);
        columns.AddRange(sexFlags.SelectMany(f => new[] { TableLayout.ColumnName(f.Female), TableLayout.ColumnName(f.Male) }));

        var encrypted = file.Identity.Where(i => file.Field(i.Value) is { IsEncrypted: true }).ToList();
        var where = onlyId is not null ? keyFields.Zip(onlyId.Split('|')).Select(k => (TableLayout.ColumnName(k.First), k.Second)).ToList()
            : onlyHousehold is not null ? [(TableLayout.ColumnName(file.Household!.Key), onlyHousehold)]
            : null;
        workspace.Vault.ReadCurrent(source, file.Name, columns, encrypted.Count > 0, (values, sealedBytes) =>
        {
            var key = keyFields.Count > 0 ? string.Join("|", values.Skip(2).Take(keyFields.Count)) : $"{values[0]}:{values[1]}";
            var identity = new string?[StandardColumns.Count];
            for (var p = 0; p < plain.Count; p++)
            {
                Set(identity, plain[p].Key, p == sexAt ? SexLabel(sexCodes!, values[plainAt + p]) : values[plainAt + p]);
            }

            for (var f = 0; f < sexFlags.Count && identity[(int)StandardColumn.Sex] is null; f++)
            {
                Set(identity, "sex", SexOf(values[flagsAt + (2 * f)], values[flagsAt + (2 * f) + 1]));
            }

            if (sealedBytes is not null)
            {
                var opened = reader.Open(file.Name, sealedBytes);
                foreach (var (column, field) in encrypted)
                {
                    Set(identity, column, opened.GetValueOrDefault(field.ToLowerInvariant()));
                }
            }

            row(key, personAt < 0 ? null : values[personAt], householdAt < 0 ? null : values[householdAt], identity);
        }, where);
    }

    /// <summary>The fields whose values make a record's id: the person key when the primary key holds it (one record per person), else the primary key (one per row).</summary>
    private static List<string> KeyFields(FileDefinition file) =>
        file.PersonKey is { } personKey && (file.PrimaryKey.Count == 0 || file.PrimaryKey.Contains(personKey)) ? [personKey] : [.. file.PrimaryKey];

    /// <summary>
    /// The identity values (standard column → value) of one record, by its key (source/file/id),
    /// with its household's address — what a reviewer compares side by side. Null when the record
    /// is not (or no longer) in the workspace.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? ReadOne(Workspace workspace, string recordKey)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(recordKey);
        var parts = recordKey.Split('/', 3);
        if (parts.Length != 3 || !workspace.Sources.List().Any(s => s.Name == parts[0]))
        {
            return null;
        }

        var (source, fileName, id) = (parts[0], parts[1], parts[2]);
        var files = FilesOf(workspace, source);
        if (files.Find(f => f.Name == fileName) is not { Identity.Count: > 0 } file || KeyFields(file).Count == 0)
        {
            return null;
        }

        using var reader = workspace.Identifiers(source);
        string?[]? found = null;
        string? household = null;
        ReadIdentities(workspace, source, file, reader, (_, _, h, values) => (found, household) = (values, h), onlyId: id);
        if (found is null)
        {
            return null;
        }

        if (household is not null && files.Find(f => f.Household is not null && IsAddressOnly(f) && workspace.Vault.HasRows(source, f.Name)) is { } addressFile)
        {
            string?[]? address = null;
            ReadIdentities(workspace, source, addressFile, reader, (_, _, _, values) => address = values, onlyHousehold: household);
            foreach (var column in new[] { StandardColumn.Street, StandardColumn.City, StandardColumn.Zip })
            {
                found[(int)column] ??= address?[(int)column];
            }
        }

        // An encoded identifier's bits mean nothing to a reviewer and are not to be copied around.
        return StandardColumns.Names.Select((name, c) => (name, value: StandardColumns.BloomFilters.Contains((StandardColumn)c) && found[c] is not null ? "encoded (Bloom filter)" : found[c]))
            .Where(v => v.value is not null).ToDictionary(v => v.name, v => v.value!, StringComparer.Ordinal);
    }

    /// <summary>A source's files, each as its newest dictionary version describes it (HMIS: FY2026 before FY2024).</summary>
    private static List<FileDefinition> FilesOf(Workspace workspace, string source) =>
        [.. workspace.Sources.Dictionaries(source).SelectMany(d => d.Files).GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Select(g => g.First())];

    /// <summary>
    /// The sex flags every version of a file has: one table holds the rows of every version, so an
    /// FY2022 client's sex is in Female/Male, an FY2024 client's in Woman/Man, an FY2026 client's in Sex.
    /// </summary>
    private static List<SexFlagsDefinition> SexFlagsOf(Workspace workspace, string source, string file) =>
        [.. workspace.Sources.Dictionaries(source).SelectMany(d => d.Files)
            .Where(f => f.SexFlags is not null && string.Equals(f.Name, file, StringComparison.OrdinalIgnoreCase)).Select(f => f.SexFlags!)
            .DistinctBy(f => (f.Female, f.Male))];

    /// <summary>A sex code as its label when the dictionary gives one (HMIS FY2026: 0 is Female, 1 is Male), so linkage reads the label, not the number.</summary>
    private static string? SexLabel(Dictionary<string, string> codes, string? value) =>
        value is not null && codes.TryGetValue(value, out var label) ? label : value;

    /// <summary>Sex from a female and a male yes/no flag (1 = yes): one of them alone says it; both or neither say nothing.</summary>
    private static string? SexOf(string? female, string? male) => (female == "1", male == "1") switch
    {
        (true, false) => "female",
        (false, true) => "male",
        _ => null,
    };

    private static void Set(string?[] identity, string column, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && StandardColumns.TryParse(column, out var standard))
        {
            identity[(int)standard] = value;
        }
    }

    private void ReadFamilies(Workspace workspace, string source, FileDefinition file, List<FileDefinition> personFiles)
    {
        var roles = file.Household is { Role: { } roleField } household ? household : null;
        if (roles is null && file.Relations.Count == 0)
        {
            return;
        }

        var columns = new List<string>();
        string? PersonFileOf(string field) =>
            personFiles.Find(f => string.Equals(f.PersonKey, field, StringComparison.OrdinalIgnoreCase))?.Name;
        if (roles is not null)
        {
            columns.AddRange([TableLayout.ColumnName(file.PersonKey!), TableLayout.ColumnName(roles.Key), TableLayout.ColumnName(roles.Role!)]);
        }

        var relationsAt = columns.Count;
        foreach (var relation in file.Relations)
        {
            columns.AddRange([TableLayout.ColumnName(relation.From), TableLayout.ColumnName(relation.To)]);
        }

        var memberFile = roles is null ? null : PersonFileOf(file.PersonKey!);
        var distinct = roles is { MembersDistinct: true } ? new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal) : null;
        workspace.Vault.ReadCurrent(source, file.Name, columns, false, (values, _) =>
        {
            if (memberFile is not null && values[0] is { } member && values[1] is { } householdKey && PositionOfPerson(source, memberFile, member) is var at and >= 0)
            {
                if (values[2] is { } code && roles!.Roles.TryGetValue(code, out var role))
                {
                    Memberships.Add(new HouseholdMembership(at, $"{source}/{file.Name}/{householdKey}", role));
                }

                if (distinct is not null)
                {
                    (distinct.TryGetValue(householdKey, out var members) ? members : distinct[householdKey] = []).Add(at);
                }
            }

            for (var r = 0; r < file.Relations.Count; r++)
            {
                var relation = file.Relations[r];
                var from = PositionOfPerson(source, PersonFileOf(relation.From), values[relationsAt + (2 * r)]);
                var to = PositionOfPerson(source, PersonFileOf(relation.To), values[relationsAt + (2 * r) + 1]);
                if (from >= 0 && to >= 0)
                {
                    Relations.Add(new StatedRelation(from, to, relation.Relation));
                }
            }
        });

        foreach (var members in distinct?.Values.AsEnumerable() ?? [])
        {
            foreach (var left in members)
            {
                DistinctPeople.AddRange(members.GetViewBetween(left + 1, int.MaxValue).Select(right => (left, right)));
            }
        }
    }

    /// <summary>A file whose identity fields are only an address (benefits' case addresses): it describes a household, not a person.</summary>
    private static bool IsAddressOnly(FileDefinition file) =>
        file.Identity.Count > 0 && file.Identity.Keys.All(k => k is "street" or "city" or "zip");
}
