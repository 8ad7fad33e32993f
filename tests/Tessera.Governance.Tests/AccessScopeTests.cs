using Tessera.Governance.Access;

namespace Tessera.Governance.Tests;

public class AccessScopeTests
{
    [Fact]
    public void A_scope_travels_as_claims_of_its_kinds_and_back()
    {
        var scope = new AccessScope
        {
            Sources = new HashSet<string> { "workforce", "benefits" }, Providers = new HashSet<string> { "WF01" },
            Contracts = new HashSet<string> { "WF01-2024" }, Projects = new HashSet<string> { "P7" },
        };

        var claims = scope.ToClaims().ToList();
        var back = AccessScope.FromClaims(claims);

        Assert.Equal(["source:benefits", "source:workforce", "provider:WF01", "contract:WF01-2024", "project:P7"], claims);
        Assert.Equal(scope.Sources.Order(), back.Sources.Order());
        Assert.Equal(["WF01"], back.Providers);
        Assert.Equal(["WF01-2024"], back.Contracts);
        Assert.Equal(["P7"], back.Projects);
    }

    [Fact]
    public void A_value_without_a_kind_is_a_source_as_before_scopes_had_kinds()
    {
        var scope = AccessScope.FromClaims(["homelessness", "provider:WF02"]);

        Assert.Equal(["homelessness"], scope.Sources);
        Assert.Equal(["WF02"], scope.Providers);
    }

    [Fact]
    public void A_provider_id_never_counts_as_a_source_and_an_unknown_kind_grants_nothing()
    {
        var staff = new AccessUser("staff@wf01", Role.DataPartner, AccessScope.FromClaims(["provider:workforce", "agency:benefits"]));

        Assert.False(AccessPolicy.SeesSource(staff, "workforce"));
        Assert.False(AccessPolicy.SeesSource(staff, "benefits"));
        Assert.Empty(staff.Scope.Sources);
    }
}
