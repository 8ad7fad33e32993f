using Tessera.Intake.Delivering;
using Tessera.Storage.Access;
using Tessera.Storage.Metrics;
using Tessera.Storage.Workspaces;
using Tessera.Synthetic;

namespace Tessera.Web.Tests;

/// <summary>
/// The server keeps figures current on its own: a delivery accepted while it runs queues the
/// metrics that read it, its worker computes them within seconds, and the queue page shows it.
/// </summary>
public sealed class RecomputeWorkerTests(RecomputeWorkerTests.App app) : IClassFixture<RecomputeWorkerTests.App>
{
    /// <summary>An app whose worker looks at the queue every second, over a workspace with one workforce month.</summary>
    public sealed class App : KestrelAppFactory
    {
        public App()
        {
            new CountyGenerator(new SynthOptions { People = 1500, Seed = 4, Months = 2 }).Generate(Path.Combine(Root, "county"));
            using (var workspace = Workspace.Create(Folder, null, "tester@test", DateTime.UtcNow))
            {
                workspace.Ingest(new DeliveryRequest { Source = "workforce", Paths = [Months[0]] }, TimeProvider.System);
            }

            Start();
        }

        public override string Folder => Path.Combine(Root, "ws");

        public IReadOnlyList<string> Months => [.. Directory.GetDirectories(Path.Combine(Root, "county", "workforce")).Order(StringComparer.Ordinal)];

        protected override int RecomputeSeconds => 1;
    }

    [SkippableFact]
    public async Task A_delivery_accepted_while_the_server_runs_is_in_the_figures_seconds_later()
    {
        await Until(() => Waiting().Count == 0); // the first month's queue, computed at start
        long before;
        using (var workspace = Workspace.Open(app.Folder))
        {
            before = new PublishedMetrics(workspace).LatestRun("acm-training-completion")!.Id;
            Assert.Equal(DeliveryOutcome.Accepted, workspace.Ingest(new DeliveryRequest { Source = "workforce", Paths = [app.Months[1]] }, TimeProvider.System).Status);
            Assert.Contains("acm-training-completion", RecomputeQueue.Waiting(workspace));
        }

        await Until(() => Waiting().Count == 0);

        using (var workspace = Workspace.Open(app.Folder))
        {
            var latest = new PublishedMetrics(workspace).LatestRun("acm-training-completion")!;
            Assert.True(latest.Id > before);
            Assert.Contains(workspace.Vault.Deliveries("workforce").Max(d => d.Id).ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(",", latest.Deliveries), StringComparison.Ordinal);
            Assert.All(RecomputeQueue.List(Caller.Operator(workspace)), q => Assert.Equal("done", q.Status));
        }

        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await Chromium.SignInAsync(page, app.BaseAddress, "admin@demo");
            await page.GotoAsync(app.BaseAddress + "metrics/queue");
            await Chromium.AssertAccessibleAsync(page, "metrics/queue");
            Assert.Contains("Nothing waits", await page.InnerTextAsync("#queue-progress"), StringComparison.Ordinal);
            Assert.Contains("acm-training-completion", await page.InnerTextAsync("#queue-table"), StringComparison.Ordinal);
        }
    }

    private IReadOnlySet<string> Waiting()
    {
        using var workspace = Workspace.Open(app.Folder);
        return RecomputeQueue.Waiting(workspace);
    }

    private static async Task Until(Func<bool> done)
    {
        for (var i = 0; i < 120 && !done(); i++)
        {
            await Task.Delay(500);
        }

        Assert.True(done(), "the queue was not worked off within a minute");
    }
}
