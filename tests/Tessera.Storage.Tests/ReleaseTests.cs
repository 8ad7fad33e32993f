using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Tessera.Governance.Access;
using Tessera.Governance.Agreements;
using Tessera.Governance.Audit;
using Tessera.Intake.Delivering;
using Tessera.Intake.Inbox;
using Tessera.Storage.Access;
using Tessera.Storage.Agreements;
using Tessera.Storage.Linking;
using Tessera.Storage.Releases;
using Tessera.Synthetic;

namespace Tessera.Storage.Tests;

/// <summary>
/// Releases of the synthetic county under two data use licences (a de-identified data set of the
/// shelter-to-work project and a limited data set of another): every file's quasi-identifiers form
/// classes of at least 11 people (counted here from the downloaded CSV, not taken from the
/// manifest); the two releases share no pseudonym; no name or SSN of the county's truth is in any
/// released byte; dates are years in the de-identified set and kept in the limited one; and a
/// release the chain does not allow is refused with its reasons and audited.
/// </summary>
public sealed class ReleaseTests : IClassFixture<ReleaseTests.County>
{
    private readonly County _county;

    public ReleaseTests(County county) => _county = county;

    [Fact]
    public void Every_release_of_the_county_is_k_anonymous_on_its_quasi_identifiers()
    {
        foreach (var (manifest, folder) in new[] { _county.Deidentified, _county.Limited })
        {
            Assert.Equal(11, manifest.K);
            foreach (var file in manifest.Files)
            {
                var (header, rows) = Csv(Path.Combine(folder, file.Csv));
                Assert.Equal(file.Rows, rows.Count);
                Assert.Equal(file.Rows, ParquetRows(Path.Combine(folder, file.Parquet)));
                var quasi = file.Columns.Where(c => c.QuasiIdentifier).Select(c => header.IndexOf(c.Name)).ToList();
                if (quasi.Count == 0 || rows.Count == 0)
                {
                    continue;
                }

                var person = header.IndexOf("person");
                var classes = rows.GroupBy(r => string.Join('\u001f', quasi.Select(q => r[q])), StringComparer.Ordinal)
                    .Select(g => g.Select(r => r[person]).Distinct(StringComparer.Ordinal).Count()).ToList();
                Assert.True(classes.Min() >= 11, $"{manifest.Level} {file.Name}: a class of {classes.Min()} people");
                Assert.Equal(file.EquivalenceClasses, classes.Count);
                Assert.True(file.SuppressedRows <= Math.Floor(0.02 * (file.Rows + file.SuppressedRows)), $"{file.Name}: {file.SuppressedRows} suppressed");
            }
        }

        var client = _county.Deidentified.Manifest.Files.Single(f => f.Name == "homelessness.Client");
        Assert.True(client.Rows > 250, $"{client.Rows} clients released");
        Assert.True(client.Columns.Count(c => c.QuasiIdentifier) >= 10);
    }

    [Fact]
    public void Two_releases_of_the_same_people_share_no_pseudonym()
    {
        var first = Values(_county.Deidentified, "person");
        var second = Values(_county.Limited, "person");
        Assert.True(first.Count > 1_000 && second.Count > 300, $"{first.Count} and {second.Count} people");
        Assert.Empty(first.Intersect(second));
        Assert.All(first, p => Assert.Matches("^[0-9a-f]{32}$", p));

        // The shelter-to-work release joins one person across HMIS and workforce by the same pseudonym.
        var hmis = Column(_county.Deidentified, "homelessness.Client", "person");
        var workforce = Column(_county.Deidentified, "workforce.participants", "person");
        Assert.True(hmis.Intersect(workforce).Count() > 10, $"{hmis.Intersect(workforce).Count()} people in both");
    }

    [Fact]
    public void No_released_byte_holds_a_name_or_an_SSN_of_the_county()
    {
        var (ssns, names) = PrivacyScanTests.Secrets(_county.Folder);
        foreach (var (manifest, folder) in new[] { _county.Deidentified, _county.Limited })
        {
            foreach (var file in Directory.GetFiles(folder))
            {
                Assert.False(PrivacyScanTests.ScanFinds(File.ReadAllBytes(file), ssns, names), $"{file} holds an identifier");
            }

            Assert.Contains(manifest.Files.Single(f => f.Name == "workforce.participants").Removed, r => r.Field == "ssn");
        }
    }

    [Fact]
    public void A_de_identified_set_keeps_years_and_ZIP3_while_a_limited_set_keeps_dates_and_no_direct_identifier()
    {
        var (header, rows) = Csv(Path.Combine(_county.Deidentified.Folder, "workforce.participants.csv"));
        Assert.DoesNotContain("participant_name", header);
        Assert.DoesNotContain("phone", header);
        Assert.DoesNotContain("participant_id", header);
        Assert.All(rows.Select(r => r[header.IndexOf("birth_date")]), v => Assert.Matches(@"^(\d{4}|\d{4}-\d{4}|90 or older|\*)$", v));
        Assert.All(rows.Select(r => r[header.IndexOf("zip")]), v => Assert.Matches(@"^(\d{3}|\d{2}\*|\d\*\*|\*)$", v));
        var (enrolmentHeader, enrolments) = Csv(Path.Combine(_county.Deidentified.Folder, "homelessness.Enrollment.csv"));
        Assert.All(enrolments.Select(r => r[enrolmentHeader.IndexOf("EntryDate")]), v => Assert.Matches(@"^\d{4}$", v));

        var (limitedHeader, limited) = Csv(Path.Combine(_county.Limited.Folder, "workforce.participants.csv"));
        Assert.Equal(["person", "birth_date", "gender", "race", "ethnicity", "zip"], limitedHeader);
        Assert.All(limited.Select(r => r[1]), v => Assert.Matches(@"^(\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\d{4}|\d{4}-\d{4}|\*)$", v));
        var (limitedEnrolmentHeader, limitedEnrolments) = Csv(Path.Combine(_county.Limited.Folder, "homelessness.Enrollment.csv"));
        Assert.All(limitedEnrolments.Select(r => r[limitedEnrolmentHeader.IndexOf("EntryDate")]), v => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", v));
    }

    [Fact]
    public void A_release_the_chain_does_not_allow_is_refused_with_its_reasons_and_audited()
    {
        var admin = Caller.Operator(_county.Workspace);
        var refused = Assert.Throws<ReleaseRefusedException>(() => ReleaseBuilder.Build(admin, "dul-unapproved"));
        Assert.Contains(refused.Reasons, r => r.Contains("not approved by schools", StringComparison.Ordinal));
        Assert.Contains(refused.Reasons, r => r.Contains("FERPA", StringComparison.Ordinal));
        Assert.Contains(Assert.Throws<ReleaseRefusedException>(() => ReleaseBuilder.Build(admin, "dul-none")).Reasons, r => r.Contains("There is no data use licence dul-none", StringComparison.Ordinal));

        // Another analyst cannot build, nor download, the shelter-to-work release.
        var stranger = new Caller(_county.Workspace, new AccessUser("someone@university.example", Role.Analyst, AccessScope.None), "evaluation", "test");
        Assert.True(Assert.Throws<AccessDeniedException>(() => ReleaseBuilder.Build(stranger, "dul-eval-1")).NotFound);
        Assert.True(Assert.Throws<AccessDeniedException>(() => ReleaseBuilder.Download(stranger, _county.Deidentified.Manifest.Release, _ => Stream.Null)).NotFound);
        Assert.Empty(ReleaseBuilder.List(stranger));

        var denied = _county.Workspace.Audit.Records().Where(r => r.Event.Outcome == AuditOutcome.Denied).Select(r => r.Event.Target).ToList();
        Assert.Contains(denied, t => t.StartsWith("release under licence dul-unapproved: ", StringComparison.Ordinal) && t.Contains("FERPA", StringComparison.Ordinal));
        Assert.Contains(denied, t => t == "release under licence dul-eval-1");
    }

    [SkippableFact]
    public void A_release_is_built_the_same_way_on_PostgreSQL()
    {
        using var test = new TestWorkspace(Engine.PostgreSql);
        County.Prepare(test, 1_500, 6);
        var analyst = new Caller(test.Workspace, new AccessUser("analyst@university.example", Role.Analyst, AccessScope.None), "evaluation", "test");

        var manifest = ReleaseBuilder.Build(analyst, "dul-eval-1");
        var folder = Path.Combine(test.Root, "release");
        Directory.CreateDirectory(folder);
        ReleaseBuilder.Download(analyst, manifest.Release, name => File.Create(Path.Combine(folder, name)));

        Assert.Equal(5, manifest.Files.Count);
        Assert.True(manifest.People > 100, $"{manifest.People} people");
        var (header, rows) = Csv(Path.Combine(folder, "workforce.participants.csv"));
        Assert.Equal(["person", "birth_date", "gender", "race", "ethnicity", "zip"], header);
        var classes = rows.GroupBy(r => string.Join('|', r.Skip(1)), StringComparer.Ordinal).Select(g => g.Select(r => r[0]).Distinct(StringComparer.Ordinal).Count()).ToList();
        Assert.True(classes.Count == 0 || classes.Min() >= 11, $"a class of {classes.DefaultIfEmpty().Min()} people");
        Assert.Throws<ReleaseRefusedException>(() => ReleaseBuilder.Build(Caller.Operator(test.Workspace), "dul-unapproved"));
    }

    private static (List<string> Header, List<string[]> Rows) Csv(string path)
    {
        using var reader = Sylvan.Data.Csv.CsvDataReader.Create(path);
        var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return (header, rows);
    }

    private static long ParquetRows(string path)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM read_parquet('{path.Replace("'", "''", StringComparison.Ordinal)}')";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static HashSet<string> Values((ReleaseManifest Manifest, string Folder) release, string column) =>
        [.. release.Manifest.Files.SelectMany(f => Column(release, f.Name, column))];

    private static HashSet<string> Column((ReleaseManifest Manifest, string Folder) release, string file, string column)
    {
        var (header, rows) = Csv(Path.Combine(release.Folder, file + ".csv"));
        var at = header.IndexOf(column);
        return at < 0 ? [] : [.. rows.Select(r => r[at]).Where(v => v.Length > 0)];
    }

    /// <summary>A 12-month county of 6,000 people, homelessness and workforce ingested and linked, with agreements, and two releases downloaded.</summary>
    public sealed class County : IDisposable
    {
        private const string Agreements = """
            emou: { id: county-emou, parties: [homelessness, workforce, schools], review_body: review-body, start: 2024-01-01, end: 2030-12-31 }
            dsas:
              - { id: dsa-hmis, partner: homelessness, sources: [homelessness], transfer: plaintext, destroy_on: 2030-12-31 }
              - { id: dsa-wf, partner: workforce, sources: [workforce], transfer: plaintext, destroy_on: 2030-12-31 }
              - { id: dsa-schools, partner: schools, sources: [schools], transfer: plaintext, destroy_on: 2030-12-31 }
            duls:
              - id: dul-eval-1
                licensee: analyst@university.example
                project: shelter-to-work
                purpose: Do shelter exits to housing raise employment?
                sources: { homelessness: [Client, Enrollment, Exit], workforce: [participants, ui_wages] }
                level: deidentified
                start: 2024-01-01
                end: 2030-12-31
              - id: dul-limited
                licensee: analyst@university.example
                project: entry-timing
                purpose: How long from referral to shelter entry?
                sources: { homelessness: [Enrollment], workforce: [participants] }
                level: limited
                start: 2024-01-01
                end: 2030-12-31
              - id: dul-unapproved
                licensee: analyst@university.example
                project: schools-and-shelter
                purpose: Do children in shelter change schools more often?
                sources: { schools: [students], homelessness: [Client] }
                level: deidentified
                start: 2024-01-01
                end: 2030-12-31
            """;

        private const string Schools = """
            source: schools
            version: 1
            title: School enrolment
            agency: School district
            protections: [ferpa]
            files:
              - name: students
                primary_key: [student_id]
                person_key: student_id
                fields:
                  - { name: student_id, type: string, required: true, sensitivity: quasi_identifier }
                  - { name: grade, type: integer }
            """;

        private readonly TestWorkspace _test = new();

        public County()
        {
            Folder = Prepare(_test, 6_000, 12);
            var analyst = new Caller(Workspace, new AccessUser("analyst@university.example", Role.Analyst, AccessScope.None), "evaluation", "test");
            Deidentified = Download(analyst, ReleaseBuilder.Build(analyst, "dul-eval-1"), "deidentified");
            Limited = Download(analyst, ReleaseBuilder.Build(analyst, "dul-limited"), "limited");
        }

        /// <summary>A county of <paramref name="people"/> in <paramref name="test"/>: homelessness and workforce ingested and linked, the agreements imported and approved.</summary>
        internal static string Prepare(TestWorkspace test, int people, int months)
        {
            var folder = Path.Combine(test.Root, "county");
            new CountyGenerator(new SynthOptions { People = people, Seed = 5, Months = months }).Generate(folder);
            foreach (var source in DeliveryInbox.Of(folder).Sources().Where(s => s.Name is "homelessness" or "workforce"))
            {
                foreach (var delivery in source.Deliveries)
                {
                    var outcome = test.Ingest(new DeliveryRequest { Source = source.Name, Provider = delivery.Provider, Paths = [delivery.Folder] });
                    Assert.True(outcome.Succeeded, $"{source.Name} {delivery.Month}: {outcome.RejectionReason}");
                }
            }

            WorkspaceLinker.Run(test.Workspace, "tester@test", new WorkspaceLinkOptions());
            test.Workspace.Sources.Add("schools", Schools, "test", DateTime.UtcNow);
            var admin = Caller.Operator(test.Workspace);
            AgreementRegistry.Import(admin, AgreementsFile.Read("agreements.yaml", Agreements));
            foreach (var (id, parties) in new[]
            {
                ("county-emou", new[] { "homelessness", "workforce", "schools", "review-body" }), ("dsa-hmis", ["homelessness", "review-body"]), ("dsa-wf", ["workforce", "review-body"]),
                ("dsa-schools", ["schools", "review-body"]), ("dul-eval-1", ["homelessness", "workforce", "review-body"]), ("dul-limited", ["homelessness", "workforce", "review-body"]),
                ("dul-unapproved", ["homelessness", "review-body"]),
            })
            {
                foreach (var party in parties)
                {
                    AgreementRegistry.Approve(admin, id, party);
                }
            }

            return folder;
        }

        public string Folder { get; }

        public Workspaces.Workspace Workspace => _test.Workspace;

        public (ReleaseManifest Manifest, string Folder) Deidentified { get; }

        public (ReleaseManifest Manifest, string Folder) Limited { get; }

        public void Dispose() => _test.Dispose();

        private (ReleaseManifest, string) Download(Caller analyst, ReleaseManifest built, string name)
        {
            var folder = Path.Combine(_test.Root, name);
            Directory.CreateDirectory(folder);
            var manifest = ReleaseBuilder.Download(analyst, built.Release, file => File.Create(Path.Combine(folder, file)));
            Assert.Equal((built.Release, built.People, built.Files.Sum(f => f.Rows)), (manifest.Release, manifest.People, manifest.Files.Sum(f => f.Rows)));
            Assert.Contains(ReleaseBuilder.ManifestFile, Directory.GetFiles(folder).Select(Path.GetFileName));
            return (manifest, folder);
        }
    }
}
