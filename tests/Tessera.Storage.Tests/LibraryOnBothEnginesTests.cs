using Tessera.Intake.Delivering;
using Tessera.Intake.Inbox;
using Tessera.Metrics.Results;
using Tessera.Storage.Linking;
using Tessera.Storage.Metrics;
using Tessera.Synthetic;

namespace Tessera.Storage.Tests;

/// <summary>
/// The whole standard library on one small synthetic county (all six sources, linked), once on the
/// embedded engine and once on PostgreSQL: every result row must be equal — numerator and
/// denominator exactly, the value within 1e-9.
/// </summary>
public sealed class LibraryOnBothEnginesTests
{
    [Fact]
    public void Every_library_metric_gives_identical_results_on_DuckDB_and_PostgreSQL()
    {
        var county = Directory.CreateTempSubdirectory("tessera-county-");
        try
        {
            new CountyGenerator(new SynthOptions { People = 1_000, Seed = 11, Months = 15 }).Generate(county.FullName);
            var embedded = Results(Engine.Embedded, county.FullName);
            var server = Results(Engine.PostgreSql, county.FullName);

            Assert.True(embedded.Select(r => r.MetricId).Distinct().Count() >= 14, string.Join(", ", embedded.Select(r => r.MetricId).Distinct()));
            Assert.True(embedded.Count(r => r.Denominator > 0) > 100, $"only {embedded.Count(r => r.Denominator > 0)} non-empty results");
            Assert.Equal(embedded.Count, server.Count);
            foreach (var (a, b) in embedded.Zip(server))
            {
                Assert.Equal(a with { Value = null }, b with { Value = null });
                Assert.Equal(a.Value ?? double.NaN, b.Value ?? double.NaN, 1e-9);
            }
        }
        finally
        {
            county.Delete(recursive: true);
        }
    }

    private static List<MetricResult> Results(Engine engine, string county)
    {
        using var test = new TestWorkspace(engine);
        foreach (var source in DeliveryInbox.Of(county).Sources())
        {
            foreach (var delivery in source.Deliveries)
            {
                var outcome = test.Ingest(new DeliveryRequest { Source = source.Name, Provider = delivery.Provider, Paths = [delivery.Folder] });
                Assert.True(outcome.Succeeded, $"{engine} {source.Name} {delivery.Provider} {delivery.Month}: {outcome.RejectionReason}");
            }
        }

        WorkspaceLinker.Run(test.Workspace, "tester@test", new WorkspaceLinkOptions());
        var store = new MetricStore(test.Workspace);
        var catalog = MetricCatalog.Load(test.Workspace);
        store.Compute([.. catalog], "tester@test", DateTime.UtcNow, null, null, (entry, _, problem) => Assert.True(problem is null, $"{engine} {entry.Definition.Id}: {problem?.Message}"));
        return [.. catalog.SelectMany(e => new[] { "all" }.Concat(e.Definition.GroupBy.Select(g => g.Name)).SelectMany(g => new PublishedMetrics(test.Workspace).Results(e.Definition.Id, g)))
            .OrderBy(r => r.MetricId, StringComparer.Ordinal).ThenBy(r => r.Group, StringComparer.Ordinal).ThenBy(r => r.GroupValue, StringComparer.Ordinal).ThenBy(r => r.PeriodStart)];
    }
}
