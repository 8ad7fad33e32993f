using Tessera.Contracts.Files;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;

namespace Tessera.Storage.Tests;

/// <summary>The provider registry on both engines: imports all or nothing, versions each change, checks what the file names, and shows provider staff their own provider only.</summary>
public sealed class ProviderRegistryTests
{
    private const string Providers = """
        programs:
          - { id: job-training, name: Job training }
        providers:
          - id: WF01
            name: Pathways Works
            program: job-training
            identifiers: [{ source: workforce, field: provider_id, value: WF01 }]
          - id: SH1
            name: North Shelter
            program: emergency-shelter
            identifiers:
              - { source: homelessness, field: ProjectID, value: "1102" }
              - { source: homelessness, field: ProjectID, value: "1101" }
        """;

    public static TheoryData<Engine> Engines => new(Engine.Embedded, Engine.PostgreSql);

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void An_import_adds_providers_and_programs_and_a_second_changes_only_what_changed(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        var admin = Caller.Operator(test.Workspace);

        var first = ProviderRegistry.Import(admin, ContractingFile.Read("providers.yaml", Providers), "first contracts");
        var again = ProviderRegistry.Import(admin, ContractingFile.Read("providers.yaml", Providers), "no change");
        var renamed = ProviderRegistry.Import(admin, ContractingFile.Read("providers.yaml", Providers.Replace("North Shelter", "North Street Shelter", StringComparison.Ordinal)), "renamed");

        Assert.Equal(["SH1", "WF01"], first.Added.Order());
        Assert.Equal(["emergency-shelter", "job-training"], first.ProgramsAdded.Order());
        Assert.Equal((0, 0, 2), (again.Added.Count, again.Changed.Count, again.Unchanged.Count));
        Assert.Equal(["SH1"], renamed.Changed);
        var listed = ProviderRegistry.List(admin);
        Assert.Equal(["SH1", "WF01"], listed.Select(p => p.Provider.Id.Value));
        var shelter = listed[0];
        Assert.Equal(("North Street Shelter", 2, "Emergency shelter", "tester@test"), (shelter.Provider.Name, shelter.Version, shelter.ProgramName, shelter.UpdatedBy));
        Assert.Equal("SH1", ProviderRegistry.Crosswalk(test.Workspace).Find("homelessness", "ProjectID", "1101")?.Value);
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void A_file_naming_what_the_workspace_lacks_is_refused_whole(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        var bad = Providers.Replace("source: workforce, field: provider_id", "source: wrkforce, field: provider_id", StringComparison.Ordinal)
            .Replace("field: ProjectID, value: \"1101\"", "field: ProjectNumber, value: \"1101\"", StringComparison.Ordinal);

        var thrown = Assert.Throws<ContractingFileException>(() => ProviderRegistry.Import(Caller.Operator(test.Workspace), ContractingFile.Read("providers.yaml", bad), "bad"));

        Assert.Contains("line 4, provider WF01 identifiers: source 'wrkforce' is not a source of this workspace", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("line 8, provider SH1 identifiers: homelessness has no field 'ProjectNumber'", thrown.Message, StringComparison.Ordinal);
        Assert.Empty(ProviderRegistry.List(Caller.Operator(test.Workspace)));
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void A_code_already_naming_another_provider_is_refused_and_nothing_changes(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        ProviderRegistry.Import(Caller.Operator(test.Workspace), ContractingFile.Read("providers.yaml", Providers), "first");

        var thief = "providers:\n  - { id: WF09, name: Other, program: job-training, identifiers: [{ source: workforce, field: provider_id, value: WF01 }] }\n";
        var thrown = Assert.Throws<ContractingFileException>(() => ProviderRegistry.Import(Caller.Operator(test.Workspace), ContractingFile.Read("more.yaml", thief), "second"));

        Assert.Contains("workforce.provider_id = WF01 already names provider WF01", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(2, ProviderRegistry.List(Caller.Operator(test.Workspace)).Count);
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void A_contract_is_stored_and_read_back_with_its_targets_and_versions(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        var admin = Caller.Operator(test.Workspace);
        ProviderRegistry.Import(admin, ContractingFile.Read("providers.yaml", Providers), "first");
        const string Contract = """
            contracts:
              - id: SH1-2024
                agency: homelessness
                provider: SH1
                program: emergency-shelter
                start: 2024-01-01
                end: 2024-12-31
                value: 320000.50
                metrics:
                  - metric: hmis-exit-to-permanent-housing
                    type: outcome
                    watch: 0.05
                    best_practice: { value: 0.4, citation: a study }
                    targets:
                      - { from: 2024-01-01, value: 0.30, proposed_by: agency, agreed_on: 2023-12-01, reason: baseline }
                      - { from: 2024-07-01, value: 0.35, proposed_by: provider, reason: mid-year review }
            """;

        ContractRegistry.Import(admin, [ContractingFile.Read("c.yaml", Contract)], "signed");
        ContractRegistry.Import(admin, [ContractingFile.Read("c.yaml", Contract.Replace("value: 0.35", "value: 0.36", StringComparison.Ordinal))], "renegotiated");

        var (registered, history) = ContractRegistry.Show(admin, "SH1-2024");
        var metric = Assert.Single(registered.Contract.Metrics);
        Assert.Equal((320000.50m, 2), (registered.Contract.Value!.Value.Amount, registered.Version));
        Assert.Equal([0.30m, 0.36m], metric.Targets.Select(t => t.Value));
        Assert.Equal(("provider", "mid-year review"), (metric.Targets[1].ProposedBy, metric.Targets[1].Reason));
        Assert.Equal(new DateOnly(2023, 12, 1), metric.Targets[0].AgreedOn);
        Assert.Equal(0.36m, metric.TargetOn(new DateOnly(2024, 8, 1)).Value);
        Assert.Equal(("a study", 0.4m), (metric.BestPractice!.Citation, metric.BestPractice.Value));
        Assert.Equal(["signed", "renegotiated"], history.Select(v => v.Reason));
        Assert.Contains("\"value\":0.35", history[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_staff_see_their_own_provider_and_cannot_import()
    {
        using var test = new TestWorkspace();
        ProviderRegistry.Import(Caller.Operator(test.Workspace), ContractingFile.Read("providers.yaml", Providers), "first");
        var staff = new Caller(test.Workspace, new AccessUser("staff@pathways", Role.ProviderStaff, AccessScope.OfProviders(["WF01"])), "operations", "10.0.0.9");

        Assert.Equal(["WF01"], ProviderRegistry.List(staff).Select(p => p.Provider.Id.Value));
        var refused = Assert.Throws<AccessDeniedException>(() => ProviderRegistry.Import(staff, ContractingFile.Read("providers.yaml", Providers), "sneaky"));
        Assert.False(refused.NotFound);
        Assert.Contains(test.Workspace.Audit.Records(), r => r.Event.Actor == "staff@pathways" && r.Event.Outcome == Governance.Audit.AuditOutcome.Denied);
    }

    [Fact]
    public void The_synthetic_countys_providers_file_covers_every_provider_code_in_its_data()
    {
        using var test = new TestWorkspace();
        var county = Path.Combine(test.Root, "county");
        new Synthetic.CountyGenerator(new Synthetic.SynthOptions { People = 400, Seed = 9, Months = 3 }).Generate(county);

        var imported = ProviderRegistry.Import(Caller.Operator(test.Workspace), ContractingFile.Read("providers.yaml", File.ReadAllText(Path.Combine(county, Synthetic.CountyProviders.FileName))), "demo county");

        var crosswalk = ProviderRegistry.Crosswalk(test.Workspace);
        var codes = Codes(county, "workforce", "referrals.csv", "provider_id")
            .Concat(Codes(county, "child_care", "authorizations.csv", "provider_id"))
            .Concat(Codes(county, "child_welfare", "fp_services.csv", "provider_id"))
            .Concat(HmisProjects(county).Select(id => ("homelessness", "ProjectID", id)))
            .Distinct().ToList();
        Assert.True(codes.Count >= 20, $"{codes.Count} codes in the county's data");
        Assert.All(codes, c => Assert.True(crosswalk.Find(c.Item1, c.Item2, c.Item3) is not null, $"{c} has no provider"));
        Assert.Equal(27, imported.Added.Count); // every provider of the county, seven of them job training
    }

    private static IEnumerable<(string, string, string)> Codes(string county, string source, string file, string column)
    {
        foreach (var path in Directory.GetFiles(Path.Combine(county, source), file, SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(path);
            var index = Array.IndexOf(lines[0].Split(','), column);
            foreach (var line in lines.Skip(1))
            {
                yield return (source, column, line.Split(',')[index]);
            }
        }
    }

    private static IEnumerable<string> HmisProjects(string county)
    {
        foreach (var zip in Directory.GetFiles(Path.Combine(county, "homelessness"), "*.zip", SearchOption.AllDirectories))
        {
            using var archive = System.IO.Compression.ZipFile.OpenRead(zip);
            using var reader = new StreamReader(archive.GetEntry("Project.csv")!.Open());
            var header = reader.ReadLine()!.Split(',');
            var index = Array.IndexOf(header, "ProjectID");
            while (reader.ReadLine() is { } line)
            {
                yield return line.Split(',')[index].Trim('"');
            }
        }
    }
}
