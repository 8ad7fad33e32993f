using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Metrics;
using Tessera.Synthetic;

namespace Tessera.Storage.Tests;

/// <summary>
/// Figures stay current on their own: an accepted delivery queues the metrics that read its
/// source (each once), the queue's worker computes them and publishes the runs, and a computation
/// started by hand settles what was queued before it.
/// </summary>
public sealed class RecomputeQueueTests
{
    public static TheoryData<Engine> Engines => new(Engine.Embedded, Engine.PostgreSql);

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void An_accepted_delivery_queues_the_metrics_that_read_it_and_the_worker_computes_them(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        var county = Path.Combine(test.Root, "county");
        new CountyGenerator(new SynthOptions { People = 1500, Seed = 3, Months = 3 }).Generate(county);
        var months = Directory.GetDirectories(Path.Combine(county, "workforce")).Order(StringComparer.Ordinal).ToList();
        var admin = Caller.Operator(test.Workspace);

        Assert.True(test.Ingest("workforce", months[0]).Succeeded);
        Assert.True(test.Ingest("workforce", months[1]).Succeeded);
        Assert.False(test.Ingest("workforce", months[1]).Status == Intake.Delivering.DeliveryOutcome.Accepted); // a duplicate queues nothing new

        var queued = RecomputeQueue.List(admin);
        var reading = MetricCatalog.Load(test.Workspace).Where(e => e.Available && Tessera.Metrics.Compilation.MetricSql.Files(e.Definition).All(f => f.Source == "workforce")).Select(e => e.Definition.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("acm-training-completion", reading);
        Assert.Equal(reading, queued.Select(q => q.Metric).Order(StringComparer.Ordinal)); // each once, though two deliveries queued it; not those reading sources without data
        Assert.All(queued, q => Assert.Equal((RecomputeQueue.Queued, 2), (q.Status, q.Reason.Split(',').Length)));
        Assert.Equal(reading.ToHashSet(), RecomputeQueue.Waiting(test.Workspace));

        var progress = new List<(int, int)>();
        var computed = RecomputeQueue.RunPending(admin, (done, of) => progress.Add((done, of)));

        Assert.Equal(reading.Count, computed);
        Assert.Equal(Enumerable.Range(1, reading.Count).Select(i => (i, reading.Count)), progress);
        var published = new PublishedMetrics(test.Workspace);
        Assert.All(RecomputeQueue.List(admin), q => Assert.Equal(("done", published.LatestRun(q.Metric)!.Id), (q.Status, q.Run!.Value)));
        Assert.Empty(RecomputeQueue.Waiting(test.Workspace));

        // A later delivery queues them again; computing one by hand settles its entry.
        Assert.True(test.Ingest("workforce", months[2]).Succeeded);
        var entry = MetricCatalog.Find(MetricCatalog.Load(test.Workspace), "acm-training-completion");
        var run = new MetricStore(test.Workspace).Compute(entry, "tester@test", DateTime.UtcNow);
        var settled = RecomputeQueue.List(admin).First(q => q.Metric == "acm-training-completion");
        Assert.Equal(("done", run.Id), (settled.Status, settled.Run!.Value));
        Assert.Contains("acm-first-day-attendance", RecomputeQueue.Waiting(test.Workspace));

        var analyst = new Caller(test.Workspace, new AccessUser("analyst@test", Role.Analyst, AccessScope.None), "metrics", "test");
        Assert.NotEmpty(RecomputeQueue.List(analyst));
        Assert.Throws<AccessDeniedException>(() => RecomputeQueue.RunPending(analyst));
    }
}
