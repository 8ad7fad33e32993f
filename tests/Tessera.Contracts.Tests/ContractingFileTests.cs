using Tessera.Contracts.Files;
using Tessera.Contracts.Providers;
using Tessera.Core.Contracting;

namespace Tessera.Contracts.Tests;

/// <summary>Reading the registry's files: the minimal example, every provider field, and mistakes named by line and field, all at once.</summary>
public class ContractingFileTests
{
    [Fact]
    public void The_minimal_providers_file_reads()
    {
        var file = ContractingFile.Read("providers.yaml", """
            providers:
              - id: WF01
                name: Northside Training
                program: job-training
                identifiers: [{ source: workforce, field: provider_id, value: WF01 }]
            """);

        var (provider, line) = Assert.Single(file.Providers);
        Assert.Equal(2, line);
        Assert.Equal(new Provider(ProviderId.Parse("WF01"), "Northside Training", null, "job-training", ["workforce"], [new ProviderIdentifier("workforce", "provider_id", "WF01")]), provider, ProviderEquality.Instance);
        Assert.True(file.HasProviders);
        Assert.False(file.HasContracts);
    }

    [Fact]
    public void Programs_types_agencies_and_several_codes_read()
    {
        var file = ContractingFile.Read("providers.yaml", """
            programs:
              - { id: emergency-shelter, name: Emergency shelter }
            providers:
              - id: SH-NORTH
                name: North Shelter
                type: nonprofit
                program: emergency-shelter
                agencies: [homelessness, benefits]
                identifiers:
                  - { source: homelessness, field: ProjectID, value: "1101" }
                  - { source: homelessness, field: ProjectID, value: "1102" }
            """);

        Assert.Equal(new ServiceProgram("emergency-shelter", "Emergency shelter"), Assert.Single(file.Programs));
        var provider = Assert.Single(file.Providers).Provider;
        Assert.Equal("nonprofit", provider.Type);
        Assert.Equal(["homelessness", "benefits"], provider.Agencies);
        Assert.Equal(["1101", "1102"], provider.Identifiers.Select(c => c.Value));
    }

    [Fact]
    public void Every_mistake_is_named_by_line_and_field_and_nothing_is_returned()
    {
        var thrown = Assert.Throws<ContractingFileException>(() => ContractingFile.Read("providers.yaml", """
            providers:
              - id: WF01
                name: Northside Training
                program: job-training
                colour: blue
              - id: "has space"
                name: Bad Id
                program: job-training
              - id: WF03
                program: job-training
              - id: WF01
                name: Again
                program: job-training
            """));

        Assert.Contains("line 5, providers[0]: unknown key 'colour'", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("line 6, providers[1].id: 'has space' is not a provider id", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("line 9, providers[2]: 'name' is missing", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("line 11, providers[3].id: provider WF01 is defined twice", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(4, thrown.Problems.Count);
        Assert.StartsWith("providers.yaml has 4 problems; nothing was stored", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_code_naming_two_providers_is_refused()
    {
        var thrown = Assert.Throws<ContractingFileException>(() => ContractingFile.Read("providers.yaml", """
            providers:
              - { id: WF01, name: A, program: job-training, identifiers: [{ source: workforce, field: provider_id, value: X1 }] }
              - { id: WF02, name: B, program: job-training, identifiers: [{ source: workforce, field: provider_id, value: X1 }] }
            """));

        Assert.Contains("workforce.provider_id = X1 names both WF01 and WF02", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_YAML_names_its_line()
    {
        var thrown = Assert.Throws<ContractingFileException>(() => ContractingFile.Read("providers.yaml", "providers:\n  - id: WF01\n   name: [unclosed\n"));

        Assert.Contains("providers.yaml line ", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("not readable as YAML", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_crosswalk_finds_each_agencys_code()
    {
        var crosswalk = ProviderCrosswalk.Of([
            new Provider(ProviderId.Parse("WF01"), "A", null, "job-training", ["workforce"], [new("workforce", "provider_id", "WF01")]),
            new Provider(ProviderId.Parse("SH1"), "B", null, "emergency-shelter", ["homelessness"], [new("homelessness", "ProjectID", "1101"), new("homelessness", "ProjectID", "1102")]),
        ]);

        Assert.Equal(ProviderId.Parse("SH1"), crosswalk.Find("homelessness", "ProjectID", "1102"));
        Assert.Equal(ProviderId.Parse("WF01"), crosswalk.Find("workforce", "provider_id", "WF01"));
        Assert.Null(crosswalk.Find("workforce", "provider_id", "WF09"));
    }

    private sealed class ProviderEquality : IEqualityComparer<Provider>
    {
        public static ProviderEquality Instance { get; } = new();

        public bool Equals(Provider? x, Provider? y) => x is not null && y is not null && x.SameAs(y);

        public int GetHashCode(Provider obj) => obj.Id.GetHashCode();
    }
}
