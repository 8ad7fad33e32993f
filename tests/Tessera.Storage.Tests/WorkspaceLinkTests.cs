using Tessera.Intake.Delivering;
using Tessera.Intake.Inbox;
using Tessera.Storage.Linking;
using Tessera.Synthetic;

namespace Tessera.Storage.Tests;

/// <summary>
/// <c>tessera link</c> on a workspace: person ids survive a new month's deliveries, are never
/// reused, and reviewers' decisions (a split, a confirmed match) hold in every later run.
/// </summary>
public sealed class WorkspaceLinkTests
{
    public static TheoryData<Engine> Engines => new(Engine.Embedded, Engine.PostgreSql);

    [Theory]
    [MemberData(nameof(Engines))]
    public void Adding_a_month_keeps_the_ids_of_persons_whose_records_did_not_change(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        var county = Generate(test.Root);
        IngestMonth(test, county, "2023-01");
        var first = Link(test);
        var index = new PersonIndex(test.Workspace.Vault);
        var before = index.Current();
        var issuedBefore = index.EverIssued();

        IngestMonth(test, county, "2023-02");
        var second = Link(test);
        var after = index.Current();

        Assert.True(after.Count > before.Count, "the second month brings new records");
        var recordsBefore = Persons(before);
        var recordsAfter = Persons(after);
        var unchanged = recordsBefore.Where(p => recordsAfter.TryGetValue(p.Key, out var now) && now.SetEquals(p.Value)).ToList();
        Assert.True(unchanged.Count > recordsBefore.Count * 0.8, $"{unchanged.Count} of {recordsBefore.Count} persons unchanged");
        // A person whose records are exactly those of an earlier person carries that person's id.
        var byRecords = recordsAfter.ToDictionary(p => string.Join("\n", p.Value.Order(StringComparer.Ordinal)), p => p.Key, StringComparer.Ordinal);
        foreach (var (id, records) in recordsBefore)
        {
            if (byRecords.TryGetValue(string.Join("\n", records.Order(StringComparer.Ordinal)), out var now))
            {
                Assert.Equal(id, now);
            }
        }

        // Every record of month 1 still there keeps its id unless its person was merged or split, and both are recorded.
        var changes = index.Changes(second.Run.Id);
        var moved = before.Where(r => after[r.Key] != r.Value).Select(r => r.Value).ToHashSet(StringComparer.Ordinal);
        Assert.All(moved, id => Assert.Contains(changes, c => c.PersonId == id));
        Assert.Equal(second.Run.Issued, index.EverIssued().Count - issuedBefore.Count);
        Assert.True(first.Run.Issued > 0);
        Assert.Empty(after.Values.Except(before.Values).Intersect(issuedBefore));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_manual_split_survives_every_later_run(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        var county = Generate(test.Root);
        IngestMonth(test, county, "2023-01");
        Link(test);
        var index = new PersonIndex(test.Workspace.Vault);
        var (id, records) = Persons(index.Current()).First(p => p.Value.Count >= 3);
        var moving = records.Order(StringComparer.Ordinal).First();
        var staying = records.Where(r => r != moving).ToList();
        index.Decide(staying.Select(s => (moving, s)).ToList(), LinkDecision.NonMatch, "reviewer@test", "different birth dates on the documents", DateTime.UtcNow);

        var split = Link(test);
        var now = index.Current();
        Assert.NotEqual(now[staying[0]], now[moving]);
        Assert.All(staying, s => Assert.Equal(id, now[s]));
        Assert.Contains(index.Changes(split.Run.Id), c => c.Kind == "split" && c.PersonId == id && c.Reason == "a reviewer separated the records");

        IngestMonth(test, county, "2023-02");
        Link(test);
        var later = index.Current();
        Assert.All(staying, s => Assert.NotEqual(later[s], later[moving]));
    }

    [Fact]
    public void A_confirmed_match_joins_two_persons_and_the_kept_id_is_the_larger_ones()
    {
        using var test = new TestWorkspace();
        var county = Generate(test.Root);
        IngestMonth(test, county, "2023-01");
        Link(test);
        var index = new PersonIndex(test.Workspace.Vault);
        var persons = Persons(index.Current());
        var big = persons.First(p => p.Value.Count >= 2);
        var single = persons.First(p => p.Value.Count == 1);
        index.Decide([(big.Value.First(), single.Value.First())], LinkDecision.Match, "reviewer@test", "same person per case file", DateTime.UtcNow);

        var run = Link(test);
        var now = index.Current();
        Assert.Equal(big.Key, now[single.Value.First()]);
        Assert.Contains(index.Changes(run.Run.Id), c => c.Kind == "merged" && c.PersonId == single.Key && c.Other == big.Key && c.Reason == "a reviewer confirmed the records as one person");
        Assert.DoesNotContain(single.Key, now.Values);
    }

    [Fact]
    public void Family_links_come_from_household_roles_and_stated_relations()
    {
        using var test = new TestWorkspace();
        var county = Generate(test.Root);
        IngestMonth(test, county, "2023-01");
        var run = Link(test);
        var links = new PersonIndex(test.Workspace.Vault).FamilyLinks();
        Assert.Equal(run.Run.FamilyLinks, links.Count);
        Assert.Contains(links, l => l.Relation == "parent");
        Assert.Contains(links, l => l.Relation == "partner");
        Assert.Contains(links, l => l.Relation == "sibling");
        Assert.All(links, l => Assert.NotEqual(l.PersonA, l.PersonB));
    }

    [Fact]
    public void A_second_link_run_while_one_is_going_on_is_refused()
    {
        using var test = new TestWorkspace();
        using var running = new FileStream(Path.Combine(test.Folder, "link.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var refused = Assert.Throws<Workspaces.WorkspaceException>(() => Link(test));

        Assert.Contains("Another linkage run is going on", refused.Message, StringComparison.Ordinal);
    }

    private static LinkReport Link(TestWorkspace test) => WorkspaceLinker.Run(test.Workspace, "tester@test", new WorkspaceLinkOptions());

    private static Dictionary<string, HashSet<string>> Persons(Dictionary<string, string> index) =>
        index.GroupBy(r => r.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => r.Key).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    private static string Generate(string root)
    {
        var folder = Path.Combine(root, "county");
        new CountyGenerator(new SynthOptions { People = 1_200, Seed = 5, Months = 2 }).Generate(folder);
        return folder;
    }

    private static void IngestMonth(TestWorkspace test, string county, string month)
    {
        foreach (var source in DeliveryInbox.Of(county).Sources())
        {
            foreach (var delivery in source.Deliveries.Where(d => d.Month.ToString() == month))
            {
                var outcome = test.Ingest(new DeliveryRequest { Source = source.Name, Provider = delivery.Provider, Paths = [delivery.Folder] });
                Assert.True(outcome.Succeeded, $"{source.Name} {delivery.Provider} {month}: {outcome.RejectionReason}");
            }
        }
    }
}
