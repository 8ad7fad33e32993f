using Tessera.Governance.Access;
using Tessera.Intake.Delivering;
using Tessera.Intake.Inbox;
using Tessera.Storage.Access;
using Tessera.Storage.Linking;
using Tessera.Storage.Metrics;
using Tessera.Storage.Transparency;
using Tessera.Storage.Workspaces;
using Tessera.Synthetic;

namespace Tessera.Storage.Tests;

/// <summary>
/// Differentially private results on both engines: an answer spends its ε from the data set's
/// budget in the transaction that stores it, so twenty queries racing for a budget of ten cannot
/// overspend it; the same question again returns the stored answer and spends nothing; with a
/// large ε the noisy counts are the metric's distinct people. (The sampler's distribution is
/// checked in DiscreteLaplaceTests.)
/// </summary>
public sealed class PrivateResultsTests
{
    private const string Metric = "hmis-exit-to-permanent-housing";

    public static TheoryData<Engine> Engines => new(Engine.Embedded, Engine.PostgreSql);

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void Concurrent_queries_cannot_overspend_the_budget_and_a_repeated_query_returns_the_stored_answer(Engine engine)
    {
        using var test = County(engine);
        var admin = Caller.Operator(test.Workspace);
        var periods = Periods(test.Workspace);
        Assert.True(periods.Count >= 4, $"{periods.Count} periods");

        // Twenty distinct queries at once (each period twice over ranges of one day), ε = 0.1 each, budget ε = 1.
        var queries = Enumerable.Range(0, 20).Select(i => (From: periods[i % periods.Count], To: periods[i % periods.Count].AddDays(i / periods.Count))).ToList();
        var answered = 0;
        var refused = 0;
        Parallel.ForEach(queries, new ParallelOptions { MaxDegreeOfParallelism = 8 }, q =>
        {
            try
            {
                if (!PrivateResults.Publish(admin, Metric, q.From, q.To, 0.1m).Repeated)
                {
                    Interlocked.Increment(ref answered);
                }
            }
            catch (PrivacyBudgetExhaustedException)
            {
                Interlocked.Increment(ref refused);
            }
        });

        var budget = Assert.Single(PrivateResults.Budgets(test.Workspace));
        Assert.Equal(("homelessness", 1m, 1m), (budget.DataSet, budget.Total, budget.Spent));
        Assert.Equal(10, answered);
        Assert.Equal(10, PrivateResults.Answers(test.Workspace).Count);
        Assert.Equal(10, refused);

        // Asked again: the stored answer, nothing spent — even with the budget gone.
        var first = PrivateResults.Answers(test.Workspace)[0];
        var again = PrivateResults.Publish(admin, Metric, first.From, first.To, 0.1m);
        Assert.True(again.Repeated);
        Assert.Equal((first.People, first.PeopleWithOutcome), (again.People, again.PeopleWithOutcome));
        Assert.Throws<PrivacyBudgetExhaustedException>(() => PrivateResults.Publish(admin, Metric, periods[0], periods[^1], 0.1m));
        Assert.Throws<WorkspaceException>(() => PrivateResults.SetBudget(admin, "homelessness", 0.5m));
        Assert.Equal(2m, PrivateResults.SetBudget(admin, "homelessness", 2m).Total);
    }

    [Fact]
    public void With_a_large_epsilon_the_counts_are_the_metrics_distinct_people_and_only_the_administrator_publishes()
    {
        using var test = County(Engine.Embedded);
        var admin = Caller.Operator(test.Workspace);
        var periods = Periods(test.Workspace);
        var entry = MetricCatalog.Find(MetricCatalog.Load(test.Workspace), Metric);
        var run = new PublishedMetrics(test.Workspace).LatestRun(Metric)!;
        var members = periods.SelectMany(p => new MetricStore(test.Workspace).Members(entry, run, "all", "", p)).ToList();
        var people = members.Select(m => m.PersonId).Distinct(StringComparer.Ordinal).Count();
        var hit = members.Where(m => m.InNumerator).Select(m => m.PersonId).Distinct(StringComparer.Ordinal).Count();
        Assert.True(people > 20, $"{people} people");

        // ε = 10: noise of scale 0.2, beyond 3 with probability e^-15 per count.
        PrivateResults.SetBudget(admin, "homelessness", 20m);
        var answer = PrivateResults.Publish(admin, Metric, periods[0], periods[^1], 10m);
        Assert.InRange(answer.People, people - 3, people + 3);
        Assert.InRange(answer.PeopleWithOutcome, hit - 3, hit + 3);
        Assert.Equal(1, answer.Margin95);

        var analyst = new Caller(test.Workspace, new AccessUser("analyst@test", Role.Analyst, AccessScope.None), "evaluation", "test");
        Assert.Throws<AccessDeniedException>(() => PrivateResults.Publish(analyst, Metric, periods[0], periods[0], 0.1m));
        Assert.Throws<WorkspaceException>(() => PrivateResults.Publish(admin, Metric, new DateOnly(1990, 1, 1), new DateOnly(1990, 12, 31), 0.1m));
        Assert.Throws<WorkspaceException>(() => PrivateResults.Publish(admin, Metric, periods[0], periods[0], 0m));
    }

    private static List<DateOnly> Periods(Workspace workspace) =>
        [.. new PublishedMetrics(workspace).Results(Metric).Select(r => r.PeriodStart).Distinct().Order()];

    private static TestWorkspace County(Engine engine)
    {
        var test = new TestWorkspace(engine);
        var folder = Path.Combine(test.Root, "county");
        new CountyGenerator(new SynthOptions { People = 3_000, Seed = 3, Months = 12 }).Generate(folder);
        foreach (var delivery in DeliveryInbox.Of(folder).Sources().Single(s => s.Name == "homelessness").Deliveries)
        {
            Assert.True(test.Ingest(new DeliveryRequest { Source = "homelessness", Paths = [delivery.Folder] }).Succeeded);
        }

        WorkspaceLinker.Run(test.Workspace, "tester@test", new WorkspaceLinkOptions());
        new MetricStore(test.Workspace).Compute(MetricCatalog.Find(MetricCatalog.Load(test.Workspace), Metric), "tester@test", DateTime.UtcNow);
        return test;
    }
}
