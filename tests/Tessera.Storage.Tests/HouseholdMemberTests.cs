using Tessera.Storage.Linking;

namespace Tessera.Storage.Tests;

/// <summary>
/// What a source says about who is who, held by linkage on the demo county: an HMIS household's
/// project stay enrols each client once, so two of its members are two people.
/// </summary>
[Collection(CountyOf20000.Name)]
public sealed class HouseholdMemberTests(EvaluationTests.County county)
{
    [Fact]
    public void Two_members_of_one_HMIS_household_are_never_one_person()
    {
        WorkspaceRecords gathered;
        using (county.Workspace.Vault.KeepOpen())
        {
            gathered = WorkspaceRecords.Read(county.Workspace);
        }

        var person = new PersonIndex(county.Workspace.Vault).Current();

        // Brothers a year apart, one's birth date typed as the other's, linked through their child welfare records, are the case this holds.
        Assert.True(gathered.DistinctPeople.Count > 1_000, $"{gathered.DistinctPeople.Count} pairs");
        Assert.All(gathered.DistinctPeople, p => Assert.StartsWith("homelessness/", gathered.Origins[p.Left].Key, StringComparison.Ordinal));
        var joined = gathered.DistinctPeople.Where(p => person[gathered.Origins[p.Left].Key] == person[gathered.Origins[p.Right].Key]).ToList();
        Assert.Empty(joined);
    }
}
