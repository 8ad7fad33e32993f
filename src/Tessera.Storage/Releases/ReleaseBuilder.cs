using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Parquet;
using Parquet.Schema;
using Tessera.Core.Text;
using Tessera.Governance.Access;
using Tessera.Governance.Agreements;
using Tessera.Governance.Audit;
using Tessera.Governance.Keys;
using Tessera.Governance.Releases;
using Tessera.Intake.Delivering;
using Tessera.Intake.Dictionaries;
using Tessera.Storage.Access;
using Tessera.Storage.Agreements;
using Tessera.Storage.Linking;
using Tessera.Storage.Operational;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Releases;

/// <summary>
/// Builds a de-identified or limited data set under a data use licence
/// (<c>tessera release build --dul ID</c>), after the agreements chain allows it: the licence,
/// the data sharing agreement of each of its sources and the eMOU active today, approved by every
/// party, every field one the licence names, and — for education records (FERPA) — a destruction
/// date in the licence. Each covered file becomes <c>SOURCE.FILE.csv</c> and <c>.parquet</c>:
/// people by pseudonyms and records by codes drawn at random for this release (so two releases
/// cannot be joined), identifiers as the level allows, quasi-identifiers k-anonymous. The files
/// stay encrypted in the workspace (a key per release, sealed by the workspace's secrets key)
/// until the licensee downloads them; every build, refusal and download is audited.
/// </summary>
public static class ReleaseBuilder
{
    /// <summary>The folder of the workspace holding built releases, encrypted.</summary>
    public const string Folder = "releases";

    /// <summary>The manifest's file name in a downloaded release.</summary>
    public const string ManifestFile = "manifest.json";

    /// <summary>The largest share of a file's rows suppressed to reach k.</summary>
    public const double MaxSuppressedShare = 0.02;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Builds a release under licence <paramref name="dulId"/> with classes of at least <paramref name="k"/> people.</summary>
    /// <exception cref="AccessDeniedException">The caller is neither the licensee nor an administrator, or may not build releases.</exception>
    /// <exception cref="ReleaseRefusedException">The agreements do not allow it (each reason given; the attempt is audited).</exception>
    public static ReleaseManifest Build(Caller caller, string dulId, int k = KAnonymity.DefaultK)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentException.ThrowIfNullOrEmpty(dulId);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, KAnonymity.DefaultK);
        var workspace = caller.Workspace;
        var set = AgreementRegistry.Set(workspace);
        var dul = set.Duls.FirstOrDefault(d => d.Id == dulId);
        var target = $"release under licence {dulId}";
        caller.Permit(Capability.BuildReleases, AuditAction.Export, target, inScope: dul is null ? caller.User.Role == Role.Administrator : IsLicensee(caller.User, dul));
        var today = DateOnly.FromDateTime(workspace.UtcNow);
        var (plans, reasons) = Plan(workspace, set, dul, dulId, today);
        if (reasons.Count > 0)
        {
            caller.Record(AuditAction.Denied, target + ": " + string.Join(" ", reasons), AuditOutcome.Denied);
            throw new ReleaseRefusedException(reasons);
        }

        return Write(caller, set, dul!, plans, k);
    }

    /// <summary>The releases the caller may download: an administrator's all, a licensee's their own.</summary>
    public static IReadOnlyList<ReleaseSummary> List(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Permit(Capability.BuildReleases, AuditAction.Read, "releases");
        return [.. Rows(caller.Workspace).Where(r => caller.User.Role == Role.Administrator || r.Manifest.Licensee == caller.User.Name).Select(r => r.Summary)];
    }

    /// <summary>The manifest of release <paramref name="id"/>.</summary>
    /// <exception cref="AccessDeniedException">Not found, or not the caller's.</exception>
    public static ReleaseManifest Manifest(Caller caller, long id) => Find(caller, id, AuditAction.Read, $"release {id}").Manifest;

    /// <summary>
    /// Decrypts release <paramref name="id"/>'s files and its manifest, each into the stream
    /// <paramref name="open"/> gives for its name — the licence must still allow it (a licence
    /// revoked or ended since, or a data sharing agreement cut off, stops downloads too).
    /// </summary>
    /// <exception cref="AccessDeniedException">Not found, or not the caller's.</exception>
    /// <exception cref="ReleaseRefusedException">The licence no longer allows it (audited).</exception>
    public static ReleaseManifest Download(Caller caller, long id, Func<string, Stream> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        var row = Find(caller, id, AuditAction.Export, $"release {id}");
        var workspace = caller.Workspace;
        var reasons = AgreementRegistry.Set(workspace).ReleaseRefusals(row.Manifest.Dul, [], DateOnly.FromDateTime(workspace.UtcNow));
        if (reasons.Count > 0)
        {
            caller.Record(AuditAction.Denied, $"release {id}: download: " + string.Join(" ", reasons), AuditOutcome.Denied);
            throw new ReleaseRefusedException(reasons);
        }

        var key = new DataKey(KeyPurpose, 1, workspace.Keys.OpenSecret(Convert.FromBase64String(row.SealedKey), KeyPurpose));
        foreach (var name in row.Manifest.Files.SelectMany(f => new[] { f.Csv, f.Parquet }))
        {
            using var encrypted = File.OpenRead(Path.Combine(FolderOf(workspace, id), name + ".enc"));
            using var destination = open(name);
            EncryptedFile.Decrypt(encrypted, destination, key, name);
        }

        using (var manifest = open(ManifestFile))
        {
            JsonSerializer.Serialize(manifest, row.Manifest, Json);
        }

        using var tables = new OperationalTables(workspace, "");
        tables.Execute($"UPDATE {tables.Table("releases")} SET downloaded_by = @p0, downloaded_utc = @p1 WHERE id = @p2 AND downloaded_utc IS NULL",
            caller.User.Name, tables.Now.ToString("O", CultureInfo.InvariantCulture), id);
        return row.Manifest;
    }

    private static bool IsLicensee(AccessUser user, DataUseLicence dul) => user.Role == Role.Administrator || string.Equals(dul.Licensee, user.Name, StringComparison.OrdinalIgnoreCase);

    // The files the licence covers and every reason the chain, the dictionaries or the laws protecting a source refuse.
    private static (List<ReleasePlan> Plans, List<string> Reasons) Plan(Workspace workspace, AgreementSet set, DataUseLicence? dul, string dulId, DateOnly today)
    {
        if (dul is null)
        {
            return ([], [$"There is no data use licence {dulId}."]);
        }

        var plans = new List<ReleasePlan>();
        var reasons = new List<string>();
        var fields = new List<(string, string, string)>();
        var sources = workspace.Sources.List().Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (source, entries) in dul.Sources.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (!sources.Contains(source))
            {
                reasons.Add($"{source} is not a source of this workspace.");
                continue;
            }

            var dictionary = workspace.Sources.Dictionaries(source).MaxBy(d => d.Version)!;
            if (ProtectedRecords.Of(workspace, source).Contains("ferpa") && dul.DestroyOn is null)
            {
                reasons.Add($"{source} holds education records (FERPA): licence {dul.Id} needs a destruction date (destroy_on) before they can be released.");
            }

            foreach (var entry in entries)
            {
                var parts = entry.Split('.', 2);
                if (dictionary.File(parts[0]) is not { } file)
                {
                    reasons.Add($"{source}.{parts[0]} is not a file of the {source} dictionary.");
                    continue;
                }

                if (parts.Length == 2 && !file.Fields.Any(f => string.Equals(f.Name, parts[1], StringComparison.OrdinalIgnoreCase)))
                {
                    reasons.Add($"{source}.{entry} is not a field of the {source} dictionary.");
                    continue;
                }

                if (plans.Any(p => p.Source == source && p.File.Name == file.Name))
                {
                    continue;
                }

                var plan = ReleasePlan.For(dictionary, file, dul);
                plans.Add(plan);
                fields.AddRange(file.Fields.Where(f => dul.Covers(source, file.Name, f.Name)).Select(f => (source, file.Name, f.Name)));
            }
        }

        reasons.InsertRange(0, set.ReleaseRefusals(dul.Id, fields, today));
        return (plans, reasons);
    }

    private static ReleaseManifest Write(Caller caller, AgreementSet set, DataUseLicence dul, IReadOnlyList<ReleasePlan> plans, int k)
    {
        var workspace = caller.Workspace;
        var index = new PersonIndex(workspace.Vault);
        var persons = index.Current();
        var personKeys = index.PersonKeys();
        var draw = new Draw();
        var releaseDay = DateOnly.FromDateTime(workspace.UtcNow);
        var material = RandomNumberGenerator.GetBytes(32);
        var sealedKey = Convert.ToBase64String(workspace.Keys.SealSecret(material, KeyPurpose));
        var key = new DataKey(KeyPurpose, 1, material);
        var releases = Path.Combine(workspace.Folder, Folder);
        var partial = Path.Combine(releases, ".partial-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(partial);
        try
        {
            // The slow part — reading, pseudonymising, k-anonymising, encrypting — holds no lock on the store.
            var files = new List<ReleasedFile>();
            var people = new HashSet<string>(StringComparer.Ordinal);
            foreach (var plan in plans)
            {
                var (released, rows, owners) = Release(workspace, plan, dul.Level, releaseDay, k, persons, personKeys, draw);
                people.UnionWith(owners);
                files.Add(released);
                WriteEncrypted(partial, released.Csv, key, stream => WriteCsv(stream, plan, rows));
                WriteEncrypted(partial, released.Parquet, key, stream => WriteParquet(stream, plan, rows));
            }

            var checks = Checks(set, dul, files, k, releaseDay);
            using var tables = new OperationalTables(workspace, "");
            tables.Begin();
            var id = tables.NextId("releases");
            var manifest = new ReleaseManifest(id, dul.Id, AgreementRegistry.VersionOf(workspace, dul.Id), dul.Project, dul.Licensee, dul.Level == ReleaseLevel.Deidentified ? "deidentified" : "limited",
                caller.User.Name, tables.Now, k, MaxSuppressedShare, people.Count, files, checks, Notices(workspace, dul), DataUseLicence.Clauses);
            tables.Execute($"INSERT INTO {tables.Table("releases")} (id, dul_id, dul_version, level, built_by, built_utc, manifest, sealed_key) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)",
                id, dul.Id, manifest.DulVersion, manifest.Level, caller.User.Name, tables.Now.ToString("O", CultureInfo.InvariantCulture), JsonSerializer.Serialize(manifest, Json), sealedKey);
            var folder = FolderOf(workspace, id);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true); // left by a build whose record was never committed
            }

            Directory.Move(partial, folder);
            tables.Commit();
            caller.Record(AuditAction.Export, string.Create(CultureInfo.InvariantCulture, $"release {id} under licence {dul.Id}: {files.Count} files, {files.Sum(f => f.Rows)} rows, {people.Count} people, {manifest.Level}"));
            return manifest;
        }
        finally
        {
            if (Directory.Exists(partial))
            {
                Directory.Delete(partial, recursive: true);
            }
        }
    }

    // One file's released rows: read, transformed column by column, then k-anonymous on its quasi-identifiers.
    private static (ReleasedFile File, List<string?[]> Rows, HashSet<string> People) Release(Workspace workspace, ReleasePlan plan, ReleaseLevel level, DateOnly releaseDay, int k,
        Dictionary<string, string> persons, Dictionary<(string, string), string> personKeys, Draw draw)
    {
        var file = plan.File;
        var read = new List<string>();
        int At(string column)
        {
            var at = read.IndexOf(column);
            if (at < 0)
            {
                read.Add(column);
                at = read.Count - 1;
            }

            return at;
        }

        var personAt = file.PersonKey is { } personKey ? At(TableLayout.ColumnName(personKey)) : -1;
        var keyAt = file.PrimaryKey.Select(f => At(TableLayout.ColumnName(f))).ToList();
        var sealedNeeded = false;
        var sourceOf = plan.Columns.Select(c =>
        {
            if (c.Field is null)
            {
                return -1;
            }

            if (!c.Encrypted)
            {
                return At(TableLayout.ColumnName(c.Field));
            }

            if (c.Kind == IdentifierKind.BirthDate && level == ReleaseLevel.Deidentified)
            {
                return At(TableLayout.ColumnName(c.Field) + DictionaryValidator.YearMonthSuffix);
            }

            sealedNeeded = true;
            return -1;
        }).ToList();
        var rows = new List<string?[]>();
        var owners = new List<string>();
        if (workspace.Vault.HasRows(plan.Source, file.Name))
        {
            using var opener = sealedNeeded ? workspace.Identifiers(plan.Source) : null;
            workspace.Vault.ReadCurrentValues(plan.Source, file.Name, read, sealedNeeded, (values, sealedBytes) =>
            {
                var opened = sealedBytes is not null && opener is not null ? opener.Open(file.Name, sealedBytes) : null;
                var person = PersonOf(plan, values, personAt, keyAt, persons, personKeys);
                var row = new string?[plan.Columns.Count];
                for (var c = 0; c < row.Length; c++)
                {
                    var column = plan.Columns[c];
                    var field = column.Field is null ? null : file.Field(column.Field);
                    var raw = sourceOf[c] >= 0 ? values[sourceOf[c]] : field is not null ? opened?.GetValueOrDefault(field.Name.ToLowerInvariant()) : null;
                    row[c] = column.Use switch
                    {
                        ColumnUse.Person => person is null ? null : draw.Person(person),
                        ColumnUse.Code => raw is null ? null : draw.Code(plan.Source, Text(raw, field)),
                        ColumnUse.Identifier => Identifier(column, field!, raw, level, releaseDay, column.Encrypted && sourceOf[c] >= 0),
                        _ => raw is null ? null : Text(raw, field),
                    };
                }

                rows.Add(row);
                owners.Add(person ?? "row:" + rows.Count.ToString(CultureInfo.InvariantCulture));
            });
        }

        var quasi = plan.Columns.Select((c, i) => (c, i)).Where(x => x.c.Quasi is not null).ToList();
        KAnonymousRelease? anonymous = null;
        var suppressed = new HashSet<int>();
        if (plan.IsPersonLevel && quasi.Count > 0 && rows.Count > 0)
        {
            var values = rows.Select(r => (IReadOnlyList<string>)[.. quasi.Select(q => r[q.i] ?? "")]).ToList();
            try
            {
                anonymous = KAnonymity.Apply(values, [.. quasi.Select(q => q.c.Quasi!)], k, MaxSuppressedShare, owners);
                suppressed.UnionWith(anonymous.Suppressed);
                for (var r = 0; r < rows.Count; r++)
                {
                    for (var q = 0; q < quasi.Count; q++)
                    {
                        rows[r][quasi[q].i] = anonymous.Rows[r][q];
                    }
                }
            }
            catch (InvalidOperationException)
            {
                // Fewer than k people in the whole file: nothing of it can be released.
                suppressed.UnionWith(Enumerable.Range(0, rows.Count));
            }
        }

        var kept = rows.Where((_, i) => !suppressed.Contains(i)).ToList();
        var keptOwners = owners.Where((_, i) => !suppressed.Contains(i)).ToList();
        var classes = quasi.Count == 0 || kept.Count == 0 ? [] : kept.Select((r, i) => (Key: string.Join('\u001f', quasi.Select(q => r[q.i])), Owner: keptOwners[i]))
            .GroupBy(x => x.Key, StringComparer.Ordinal).Select(g => g.Select(x => x.Owner).Distinct(StringComparer.Ordinal).Count()).ToList();
        var columns = plan.Columns.Select((c, i) =>
        {
            var q = quasi.FindIndex(x => x.i == i);
            return new ReleasedColumn(c.Name, c.Treatment, c.Quasi is not null && plan.IsPersonLevel, q >= 0 && anonymous is not null ? anonymous.Levels[q] : null, c.Quasi?.Levels);
        }).ToList();
        var released = new ReleasedFile(plan.Name, plan.Name + ".csv", plan.Name + ".parquet", kept.Count, suppressed.Count, columns,
            [.. plan.Removed.Select(r => new RemovedField(r.Field, r.Reason))], classes.Count, classes.Count == 0 ? null : classes.Min(),
            anonymous?.Loss ?? (suppressed.Count > 0 ? 1 : 0), anonymous?.Search);
        return (released, kept, [.. keptOwners.Where(o => !o.StartsWith("row:", StringComparison.Ordinal))]);
    }

    // The row's person id: by the person key through the index, or as a person record of its own.
    private static string? PersonOf(ReleasePlan plan, object?[] values, int personAt, IReadOnlyList<int> keyAt, Dictionary<string, string> persons, Dictionary<(string, string), string> personKeys)
    {
        if (personAt >= 0)
        {
            var key = Text(values[personAt], null);
            return key.Length == 0 ? null : personKeys.GetValueOrDefault((plan.Source, key)) ?? plan.Source + ":" + key;
        }

        if (!plan.IsPersonLevel || keyAt.Count == 0)
        {
            return null;
        }

        var id = string.Join("|", keyAt.Select(a => Text(values[a], null)));
        var recordKey = RecordKey.Of(plan.Source, plan.File.Name, id);
        return persons.GetValueOrDefault(recordKey) ?? recordKey;
    }

    private static string? Identifier(ReleaseColumn column, FieldDefinition field, object? raw, ReleaseLevel level, DateOnly releaseDay, bool fromYearMonth)
    {
        if (raw is null)
        {
            return null;
        }

        if (fromYearMonth)
        {
            // A sealed birth date's plaintext year-month: the year, or "90 or older" when the person may be 90 on the release day.
            var text = Text(raw, null);
            if (text.Length < 7 || !int.TryParse(text[..4], NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) || !int.TryParse(text[5..7], NumberStyles.Integer, CultureInfo.InvariantCulture, out var month))
            {
                return null;
            }

            return releaseDay >= new DateOnly(year + SafeHarbor.OldestShownAge + 1, month, 1) ? "90 or older" : year.ToString(CultureInfo.InvariantCulture);
        }

        return SafeHarbor.Apply(column.Kind!.Value, level, Text(raw, field), releaseDay);
    }

    // A value as text: dates as ISO dates, numbers invariant; a sealed date (opened from its envelope) parsed by the field's format first.
    private static string Text(object? value, FieldDefinition? field) => value switch
    {
        null => "",
        string s when field is { Kind: FieldType.Date or FieldType.DateTime } && DateTime.TryParseExact(s, field.EffectiveFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            => parsed.ToString(field.Kind == FieldType.Date ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString(field?.Kind == FieldType.DateTime ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static List<string> Checks(AgreementSet set, DataUseLicence dul, IReadOnlyList<ReleasedFile> files, int k, DateOnly day)
    {
        var dsas = dul.Sources.Keys.Select(set.DsaFor).OfType<DataSharingAgreement>().Select(d => d.Id).Distinct(StringComparer.Ordinal);
        var checks = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"On {day:yyyy-MM-dd} licence {dul.Id}, data sharing agreements {string.Join(", ", dsas)} and the eMOU {set.Emou?.Id} were active and approved by {string.Join(", ", set.Approvers(dul.Id))}."),
            "Every column is a field the licence names, or the release's person pseudonym.",
            dul.Level == ReleaseLevel.Deidentified
                ? "De-identified (Safe Harbor, 45 CFR 164.514(b)(2)): names, addresses below the state, telephone and other numbers, e-mail, SSNs and agencies' record numbers removed; dates reduced to the year; ZIP codes to three digits (000 for areas of 20,000 people or fewer); ages over 89 grouped."
                : "Limited data set (45 CFR 164.514(e)): the 16 direct identifiers removed; dates, town or city, state and ZIP code kept.",
            "People and records are named by pseudonyms and codes drawn at random for this release, derived from no identifier: no two releases share one.",
        };
        var anonymous = files.Where(f => f.EquivalenceClasses > 0).ToList();
        if (anonymous.Count > 0)
        {
            checks.Add(string.Create(CultureInfo.InvariantCulture, $"k-anonymity (k = {k}) on the quasi-identifiers of {string.Join(", ", anonymous.Select(f => f.Name))}: the smallest class holds {anonymous.Min(f => f.SmallestClassPeople)} people; {files.Sum(f => f.SuppressedRows)} rows suppressed in all."));
        }

        if (anonymous.Any(f => f.SmallestClassPeople < k))
        {
            throw new InvalidOperationException("A released class is smaller than k; the release was not written.");
        }

        return checks;
    }

    private static List<string> Notices(Workspace workspace, DataUseLicence dul)
    {
        var notices = new List<string>();
        foreach (var source in dul.Sources.Keys.Order(StringComparer.Ordinal))
        {
            var protections = ProtectedRecords.Of(workspace, source);
            if (protections.Contains("part2"))
            {
                notices.Add($"{source}: 42 CFR Part 2 — this information has been disclosed to you from records protected by federal confidentiality rules (42 CFR part 2). The federal rules prohibit you from making any further disclosure of information in this record that identifies a patient as having or having had a substance use disorder, except as permitted by 42 CFR part 2.");
            }

            if (protections.Contains("ferpa"))
            {
                notices.Add(string.Create(CultureInfo.InvariantCulture, $"{source}: education records (FERPA, 34 CFR 99.31(a)(6)) released for a study; destroy them by {dul.DestroyOn:yyyy-MM-dd}, and do not redisclose them."));
            }
        }

        return notices;
    }

    private static void WriteEncrypted(string folder, string name, DataKey key, Action<Stream> write)
    {
        var buffer = new MemoryStream();
        write(buffer);
        using var plain = new MemoryStream(buffer.ToArray()); // ToArray works after a writer closed the buffer
        using var destination = File.Create(Path.Combine(folder, name + ".enc"));
        EncryptedFile.Encrypt(plain, destination, key, name);
    }

    private static void WriteCsv(Stream stream, ReleasePlan plan, List<string?[]> rows)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        var csv = new CsvWriter(writer, neutraliseFormulas: false);
        csv.Row(plan.Columns.Select(c => (object?)c.Name));
        foreach (var row in rows)
        {
            csv.Row(row);
        }
    }

    private static void WriteParquet(Stream stream, ReleasePlan plan, List<string?[]> rows)
    {
        var fields = plan.Columns.Select(c => new DataField<string>(c.Name)).ToList();
        var writer = ParquetWriter.CreateAsync(new ParquetSchema(fields), stream).GetAwaiter().GetResult();
        try
        {
            using var group = writer.CreateRowGroup();
            for (var c = 0; c < fields.Count; c++)
            {
                group.WriteAsync(fields[c], rows.Select(r => r[c]!).ToArray()).GetAwaiter().GetResult();
            }
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    // Where release <id>'s encrypted files are kept.
    private static string FolderOf(Workspace workspace, long id) => Path.Combine(workspace.Folder, Folder, id.ToString(CultureInfo.InvariantCulture));

    // What a release's key is sealed for (the workspace's secrets key opens it only for this purpose).
    private const string KeyPurpose = "release";

    private static Stored Find(Caller caller, long id, AuditAction action, string target)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var row = Rows(caller.Workspace).FirstOrDefault(r => r.Summary.Id == id);
        caller.Permit(Capability.BuildReleases, action, target, inScope: row is not null && (caller.User.Role == Role.Administrator || row.Manifest.Licensee == caller.User.Name));
        return row!;
    }

    private static List<Stored> Rows(Workspace workspace)
    {
        using var tables = new OperationalTables(workspace, "");
        return tables.Query($"SELECT id, manifest, sealed_key, downloaded_by, downloaded_utc FROM {tables.Table("releases")} ORDER BY id", r =>
        {
            var manifest = JsonSerializer.Deserialize<ReleaseManifest>(r.GetString(1), Json)!;
            var downloaded = OperationalTables.Text(r, 4) is { } utc ? DateTime.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : (DateTime?)null;
            return new Stored(new ReleaseSummary(OperationalTables.Id(r, 0), manifest.Dul, manifest.Project, manifest.Licensee, manifest.Level, manifest.BuiltBy, manifest.BuiltUtc,
                manifest.Files.Count, manifest.Files.Sum(f => f.Rows), manifest.People, OperationalTables.Text(r, 3), downloaded), manifest, r.GetString(2));
        });
    }

    private sealed record Stored(ReleaseSummary Summary, ReleaseManifest Manifest, string SealedKey);

    // Pseudonyms and codes drawn at random (128 and 64 bits) for one release, never derived from what they stand for.
    private sealed class Draw
    {
        private readonly Dictionary<string, string> _people = new(StringComparer.Ordinal);
        private readonly Dictionary<(string, string), string> _codes = [];
        private readonly HashSet<string> _drawn = new(StringComparer.Ordinal);

        public string Person(string personId) => _people.TryGetValue(personId, out var drawn) ? drawn : _people[personId] = Fresh(16);

        public string Code(string source, string value) => _codes.TryGetValue((source, value), out var drawn) ? drawn : _codes[(source, value)] = Fresh(8);

        private string Fresh(int bytes)
        {
            while (true)
            {
                var text = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
                if (_drawn.Add(text))
                {
                    return text;
                }
            }
        }
    }
}
