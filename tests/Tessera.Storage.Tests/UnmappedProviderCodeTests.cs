using Tessera.Contracts.Files;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;

namespace Tessera.Storage.Tests;

/// <summary>
/// Provider codes in the delivered data that no registered provider has — found from the fields the
/// dictionaries mark as an event's provider — counted as the delivered file counts them, on both engines.
/// </summary>
public sealed class UnmappedProviderCodeTests
{
    public static TheoryData<Engine> Engines => new(Engine.Embedded, Engine.PostgreSql);

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void Codes_no_provider_has_are_listed_with_their_rows_and_a_suggestion(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        var county = Path.Combine(test.Root, "county");
        new Synthetic.CountyGenerator(new Synthetic.SynthOptions { People = 2000, Seed = 5, Months = 1 }).Generate(county);
        var month = Directory.GetDirectories(Path.Combine(county, "child_care")).Single();
        test.Ingest("child_care", month);
        // The delivered file's own count of rows per provider code (the first four columns are ids without commas).
        var delivered = File.ReadLines(Path.Combine(month, "authorizations.csv")).Skip(1).Select(l => l.Split(',')[3])
            .GroupBy(c => c, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        var codes = delivered.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.True(codes.Count >= 3, $"the synthetic month has {codes.Count} providers");
        var (mapped, byId) = (codes[0], codes[1]);
        ProviderRegistry.Import(Caller.Operator(test.Workspace), ContractingFile.Read("providers.yaml", $$"""
            providers:
              - { id: {{mapped}}, name: First, program: child-care, identifiers: [{ source: child_care, field: provider_id, value: {{mapped}} }] }
              - { id: {{byId}}, name: Second, program: child-care, identifiers: [{ source: benefits, field: county_office, value: X1 }] }
            """), "test");

        var unmapped = ProviderRegistry.Unmapped(Caller.Operator(test.Workspace));

        Assert.Equal(codes.Skip(1), unmapped.Select(c => c.Value).Order(StringComparer.Ordinal));
        Assert.All(unmapped, c => Assert.Equal(("child_care", "authorizations", "provider_id", delivered[c.Value]), (c.Source, c.File, c.Field, c.Rows)));
        Assert.Equal(byId, Assert.Single(unmapped, c => c.Suggested is not null).Suggested?.Value);
        Assert.Equal(unmapped.Select(c => c.Rows).OrderDescending(), unmapped.Select(c => c.Rows));
    }

    [SkippableFact]
    public void A_contract_manager_sees_the_codes_of_their_agency_only_and_provider_staff_none()
    {
        using var test = new TestWorkspace();
        var county = Path.Combine(test.Root, "county");
        new Synthetic.CountyGenerator(new Synthetic.SynthOptions { People = 2000, Seed = 5, Months = 1 }).Generate(county);
        test.Ingest("child_care", Directory.GetDirectories(Path.Combine(county, "child_care")).Single());
        test.Ingest("child_welfare", Directory.GetDirectories(Path.Combine(county, "child_welfare")).Single());
        Caller As(Role role, AccessScope scope) => new(test.Workspace, new AccessUser("someone@test", role, scope), "operations", "test");

        var all = ProviderRegistry.Unmapped(Caller.Operator(test.Workspace));
        var childCare = ProviderRegistry.Unmapped(As(Role.ContractManager, AccessScope.OfSources(["child_care"])));

        Assert.Contains(all, c => c.Source == "child_welfare");
        Assert.NotEmpty(childCare);
        Assert.All(childCare, c => Assert.Equal("child_care", c.Source));
        Assert.Throws<AccessDeniedException>(() => ProviderRegistry.Unmapped(As(Role.ProviderStaff, AccessScope.OfProviders(["CC101"]))));
    }
}
