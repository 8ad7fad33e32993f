using Tessera.Contracts.Providers;
using Tessera.Core.Contracting;

namespace Tessera.Contracts.Tests;

public class CrosswalkSuggestionTests
{
    private static readonly ProviderCrosswalk Crosswalk = ProviderCrosswalk.Of(
    [
        new Provider(ProviderId.Parse("WF01"), "Northside Training", null, "job-training", ["workforce"], [new ProviderIdentifier("workforce", "provider_id", "WF01")]),
        new Provider(ProviderId.Parse("SH1"), "North Shelter", null, "emergency-shelter", ["homelessness"], [new ProviderIdentifier("homelessness", "ProjectID", "1101")]),
        new Provider(ProviderId.Parse("SH2"), "South Shelter", null, "emergency-shelter", ["homelessness", "corrections"],
            [new ProviderIdentifier("homelessness", "ProjectID", "1201"), new ProviderIdentifier("corrections", "facility", "1101")]),
    ]);

    [Fact]
    public void A_code_that_is_a_providers_id_suggests_that_provider()
    {
        Assert.Equal("WF01", Crosswalk.Suggest("WF01")?.Value);
    }

    [Fact]
    public void A_code_another_agency_uses_for_one_provider_suggests_it()
    {
        Assert.Equal("SH2", Crosswalk.Suggest("1201")?.Value);
    }

    [Fact]
    public void A_code_two_providers_are_known_by_or_nobody_uses_suggests_nothing()
    {
        Assert.Null(Crosswalk.Suggest("1101"));
        Assert.Null(Crosswalk.Suggest("WF99"));
    }

    [Fact]
    public void A_field_is_matched_in_any_letter_case_and_a_value_exactly()
    {
        Assert.True(Crosswalk.Maps("homelessness", "projectid", "1101"));
        Assert.False(Crosswalk.Maps("homelessness", "ProjectID", "1101 "));
        Assert.False(Crosswalk.Maps("corrections", "ProjectID", "1101"));
    }
}
