namespace Tessera.Linkage.Families;

/// <summary>
/// Builds families as a graph of persons from what sources record about households: in each
/// household the head and partner are partners, both are parents of the children, the children
/// are siblings, and a parent of the head is the head's parent; sources that state a relation
/// (a child-care parent) add it directly. Records are first replaced by their persons, so a
/// mother on a benefit case and the same mother in an HMIS household count as one. Where sources
/// disagree about a pair the relation with most support wins; two-generation metrics then follow
/// the edges from a parent to the children.
/// </summary>
public static class FamilyGraph
{
    /// <summary>Family edges between persons.</summary>
    /// <param name="personOfRecord">The person (any number shared by its records) of each record.</param>
    /// <param name="memberships">Household memberships of records.</param>
    /// <param name="relations">Relations sources state between records.</param>
    public static IReadOnlyList<FamilyEdge> Build(IReadOnlyList<int> personOfRecord, IEnumerable<HouseholdMembership> memberships, IEnumerable<StatedRelation> relations)
    {
        ArgumentNullException.ThrowIfNull(personOfRecord);
        ArgumentNullException.ThrowIfNull(memberships);
        ArgumentNullException.ThrowIfNull(relations);
        var votes = new Dictionary<(int From, int To, FamilyRelation Relation), int>();
        foreach (var household in memberships.GroupBy(m => m.Household, StringComparer.Ordinal))
        {
            var roles = household.GroupBy(m => m.Role, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(m => personOfRecord[m.Record]).Distinct().ToList(), StringComparer.Ordinal);
            var heads = roles.GetValueOrDefault("head") ?? [];
            var partners = roles.GetValueOrDefault("partner") ?? [];
            var children = roles.GetValueOrDefault("child") ?? [];
            var grandparents = roles.GetValueOrDefault("parent_of_head") ?? [];
            var seen = new HashSet<(int, int, FamilyRelation)>();
            void Vote(int from, int to, FamilyRelation relation)
            {
                if (from == to)
                {
                    return;
                }

                var key = relation == FamilyRelation.Parent || from < to ? (from, to, relation) : (to, from, relation);
                if (seen.Add(key))
                {
                    votes[key] = votes.GetValueOrDefault(key) + 1;
                }
            }

            foreach (var head in heads)
            {
                partners.ForEach(p => Vote(head, p, FamilyRelation.Partner));
                grandparents.ForEach(g => Vote(g, head, FamilyRelation.Parent));
            }

            foreach (var parent in heads.Concat(partners))
            {
                children.ForEach(c => Vote(parent, c, FamilyRelation.Parent));
            }

            for (var a = 0; a < children.Count; a++)
            {
                for (var b = a + 1; b < children.Count; b++)
                {
                    Vote(children[a], children[b], FamilyRelation.Sibling);
                }
            }
        }

        foreach (var relation in relations)
        {
            var (from, to) = (personOfRecord[relation.From], personOfRecord[relation.To]);
            var kind = Enum.Parse<FamilyRelation>(relation.Relation, ignoreCase: true);
            if (from != to)
            {
                var key = kind == FamilyRelation.Parent || from < to ? (from, to, kind) : (to, from, kind);
                votes[key] = votes.GetValueOrDefault(key) + 1;
            }
        }

        var edges = Strongest(votes);
        return [.. edges, .. SiblingsOfSharedParents(edges)];
    }

    /// <summary>Per pair of persons, the relation with most support (parent before partner before sibling on a tie).</summary>
    private static List<FamilyEdge> Strongest(Dictionary<(int From, int To, FamilyRelation Relation), int> votes)
    {
        return votes
            .GroupBy(v => (Math.Min(v.Key.From, v.Key.To), Math.Max(v.Key.From, v.Key.To)))
            .Select(pair => pair.OrderByDescending(v => v.Value).ThenBy(v => v.Key.Relation).ThenBy(v => v.Key.From).First())
            .Select(v => new FamilyEdge(v.Key.From, v.Key.To, v.Key.Relation, v.Value))
            .OrderBy(e => e.From).ThenBy(e => e.To).ToList();
    }

    /// <summary>Children of one parent are siblings even when no household lists them together (e.g. two child-care children of one applicant).</summary>
    private static IEnumerable<FamilyEdge> SiblingsOfSharedParents(List<FamilyEdge> edges)
    {
        var related = edges.Select(e => (Math.Min(e.From, e.To), Math.Max(e.From, e.To))).ToHashSet();
        var added = new HashSet<(int, int)>();
        foreach (var family in edges.Where(e => e.Relation == FamilyRelation.Parent).GroupBy(e => e.From))
        {
            var children = family.Select(e => e.To).Distinct().Order().ToList();
            for (var a = 0; a < children.Count; a++)
            {
                for (var b = a + 1; b < children.Count; b++)
                {
                    var pair = (children[a], children[b]);
                    if (!related.Contains(pair) && added.Add(pair))
                    {
                        yield return new FamilyEdge(pair.Item1, pair.Item2, FamilyRelation.Sibling, 1);
                    }
                }
            }
        }
    }
}
