using Tessera.Linkage.Families;

namespace Tessera.Linkage.Tests;

public sealed class FamilyGraphTests
{
    [Fact]
    public void A_households_roles_become_partner_parent_and_sibling_links()
    {
        // Records 0–4 are five persons: head, partner, two children, the head's mother.
        var members = new[]
        {
            new HouseholdMembership(0, "benefits/members/C1", "head"), new HouseholdMembership(1, "benefits/members/C1", "partner"),
            new HouseholdMembership(2, "benefits/members/C1", "child"), new HouseholdMembership(3, "benefits/members/C1", "child"),
            new HouseholdMembership(4, "benefits/members/C1", "parent_of_head"),
        };
        var edges = FamilyGraph.Build([0, 1, 2, 3, 4], members, []);

        Assert.Equal(
            new[]
            {
                (0, 1, FamilyRelation.Partner), (0, 2, FamilyRelation.Parent), (0, 3, FamilyRelation.Parent), (1, 2, FamilyRelation.Parent),
                (1, 3, FamilyRelation.Parent), (2, 3, FamilyRelation.Sibling), (4, 0, FamilyRelation.Parent),
            }.OrderBy(e => e),
            edges.Select(e => (e.From, e.To, e.Relation)).OrderBy(e => e));
    }

    [Fact]
    public void Records_of_one_person_in_two_sources_give_one_link_with_both_as_evidence()
    {
        // Records 0 and 2 are the same mother (person 0), 1 and 3 the same child (person 1).
        var members = new[]
        {
            new HouseholdMembership(0, "benefits/members/C1", "head"), new HouseholdMembership(1, "benefits/members/C1", "child"),
            new HouseholdMembership(2, "homelessness/Enrollment/H9", "head"), new HouseholdMembership(3, "homelessness/Enrollment/H9", "child"),
        };
        var edge = Assert.Single(FamilyGraph.Build([0, 1, 0, 1], members, []));

        Assert.Equal(new FamilyEdge(0, 1, FamilyRelation.Parent, 2), edge);
    }

    [Fact]
    public void Children_of_one_stated_parent_are_siblings()
    {
        var relations = new[] { new StatedRelation(0, 1, "parent"), new StatedRelation(0, 2, "parent") };
        var edges = FamilyGraph.Build([0, 1, 2], [], relations);

        Assert.Contains(new FamilyEdge(1, 2, FamilyRelation.Sibling, 1), edges);
        Assert.Equal(3, edges.Count);
    }

    [Fact]
    public void When_sources_disagree_about_a_pair_the_better_supported_relation_wins()
    {
        var members = new[]
        {
            new HouseholdMembership(0, "a/h/1", "head"), new HouseholdMembership(1, "a/h/1", "partner"),
            new HouseholdMembership(0, "b/h/2", "head"), new HouseholdMembership(1, "b/h/2", "partner"),
            new HouseholdMembership(0, "c/h/3", "head"), new HouseholdMembership(1, "c/h/3", "child"),
        };
        var edge = Assert.Single(FamilyGraph.Build([0, 1], members, []));

        Assert.Equal(FamilyRelation.Partner, edge.Relation);
        Assert.Equal(2, edge.Evidence);
    }
}
