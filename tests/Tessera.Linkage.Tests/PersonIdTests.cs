using Tessera.Linkage.Persons;

namespace Tessera.Linkage.Tests;

public sealed class PersonIdTests
{
    private static readonly HashSet<string> None = new(StringComparer.Ordinal);

    [Fact]
    public void Persons_whose_records_did_not_change_keep_their_ids()
    {
        var first = PersonIdAssigner.Assign(["a", "b", "c"], [0, 0, 2], new Dictionary<string, string>(), None);
        var previous = Previous(["a", "b", "c"], first);

        var second = PersonIdAssigner.Assign(["a", "b", "c", "d"], [0, 0, 2, 3], previous, first.Issued.ToHashSet());

        Assert.Equal(first.PersonIds[0], second.PersonIds[0]);
        Assert.Equal(first.PersonIds[2], second.PersonIds[2]);
        Assert.Single(second.Issued);
        Assert.Empty(second.Changes);
    }

    [Fact]
    public void A_merge_keeps_the_id_most_records_had_and_records_the_other_as_merged()
    {
        var previous = new Dictionary<string, string> { ["a"] = "T-1", ["b"] = "T-1", ["c"] = "T-2" };
        var result = PersonIdAssigner.Assign(["a", "b", "c", "d"], [0, 0, 0, 0], previous, new HashSet<string> { "T-1", "T-2" });

        Assert.All(result.PersonIds, id => Assert.Equal("T-1", id));
        var change = Assert.Single(result.Changes);
        Assert.Equal((PersonChangeKind.Merged, "T-2", "T-1", 1), (change.Kind, change.PersonId, change.Other, change.Records));
        Assert.Equal(["c"], change.RecordKeys);
        Assert.Empty(result.Issued);
    }

    [Fact]
    public void A_split_keeps_the_id_with_the_larger_part_and_gives_the_other_a_new_one()
    {
        var previous = new Dictionary<string, string> { ["a"] = "T-1", ["b"] = "T-1", ["c"] = "T-1" };
        var result = PersonIdAssigner.Assign(["a", "b", "c"], [0, 0, 2], previous, new HashSet<string> { "T-1" });

        Assert.Equal(["T-1", "T-1"], result.PersonIds.Take(2));
        var fresh = Assert.Single(result.Issued);
        Assert.Equal(fresh, result.PersonIds[2]);
        var change = Assert.Single(result.Changes);
        Assert.Equal((PersonChangeKind.Split, "T-1", fresh), (change.Kind, change.PersonId, change.Other));
    }

    [Fact]
    public void Ids_of_persons_whose_records_are_gone_are_retired_and_never_issued_again()
    {
        var previous = new Dictionary<string, string> { ["a"] = "T-1", ["b"] = "T-2" };
        var everIssued = new HashSet<string>(StringComparer.Ordinal) { "T-1", "T-2" };
        var result = PersonIdAssigner.Assign(["a", "c"], [0, 1], previous, everIssued);

        Assert.Contains(result.Changes, c => c.Kind == PersonChangeKind.Retired && c.PersonId == "T-2");
        Assert.DoesNotContain("T-2", result.PersonIds);
        Assert.DoesNotContain(result.Issued, everIssued.Contains);
    }

    [Fact]
    public void New_ids_are_random_opaque_and_unique()
    {
        var keys = Enumerable.Range(0, 5000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var result = PersonIdAssigner.Assign(keys, Enumerable.Range(0, 5000).ToList(), new Dictionary<string, string>(), None);

        Assert.Equal(5000, result.Issued.Distinct().Count());
        Assert.All(result.Issued, id => Assert.Matches("^T-[0-9A-HJKMNP-TV-Z]{10}$", id));
    }

    private static Dictionary<string, string> Previous(IReadOnlyList<string> keys, PersonIdAssignment assignment) =>
        keys.Select((k, i) => (k, assignment.PersonIds[i])).ToDictionary(p => p.k, p => p.Item2, StringComparer.Ordinal);
}
