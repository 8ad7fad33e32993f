using Tessera.Governance.Audit;
using Tessera.Storage.Metrics;
using Tessera.Storage.Workspaces;

namespace Tessera.Web.Tests;

/// <summary>
/// The metric pages in a real browser: the catalogue, a metric's chart and table, its breakdown,
/// suppression for an analyst and exact figures with the persons behind them for an administrator.
/// </summary>
public sealed class MetricsBrowserTests : IDisposable
{
    private const string Metric = "hmis-exit-to-permanent-housing";

    // Its own app: the test computes metrics into the workspace.
    private readonly IngestedAppFactory _app = new();

    [SkippableFact]
    public async Task An_analyst_sees_suppressed_figures_and_an_administrator_the_persons_behind_them()
    {
        using (var workspace = Workspace.Open(_app.Folder))
        {
            new MetricStore(workspace).Compute(MetricCatalog.Find(MetricCatalog.Load(workspace), Metric), "tester@test", DateTime.UtcNow);
        }

        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var analyst = await browser.NewPageAsync();
            await Chromium.SignInAsync(analyst, _app.BaseAddress, "analyst@demo");
            Assert.True((await analyst.GotoAsync(_app.BaseAddress + "metrics")) is { Ok: true });
            await Chromium.AssertAccessibleAsync(analyst, "metrics");
            Assert.Contains("Exits to permanent housing", await analyst.InnerTextAsync("main"), StringComparison.Ordinal);

            await analyst.ClickAsync($"a[href='/metrics/{Metric}']");
            await analyst.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.querySelector('canvas[data-chart]')) !== undefined");
            await Chromium.AssertAccessibleAsync(analyst, "metrics/" + Metric);
            await analyst.SelectOptionAsync("#by", "project");
            await analyst.ClickAsync("form.usa-form button[type=submit]");
            await analyst.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.querySelector('canvas[data-chart]')) !== undefined");
            var table = await analyst.InnerTextAsync("table");
            Assert.Contains("hidden (1 to 10)", table, StringComparison.Ordinal); // a small county: projects see few exits a month
            Assert.Equal(0, await analyst.Locator("a[href*='handler=Members']").CountAsync());
            var csv = await analyst.APIRequest.GetAsync(_app.BaseAddress + $"metrics/{Metric}?handler=Csv&By=project");
            var lines = (await csv.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("metric,group,period_start,period_end,numerator,denominator,value,suppressed", lines[0]);
            Assert.All(lines.Skip(1), line =>
            {
                var cells = line.Split(',');
                Assert.True(cells[7].Length > 0 || (long.Parse(cells[5], System.Globalization.CultureInfo.InvariantCulture) is 0 or > 10), line);
            });

            var admin = await browser.NewPageAsync();
            await Chromium.SignInAsync(admin, _app.BaseAddress);
            await admin.GotoAsync(_app.BaseAddress + $"metrics/{Metric}");
            Assert.DoesNotContain("hidden", await admin.InnerTextAsync("table"), StringComparison.Ordinal);
            var members = admin.Locator("a[href*='handler=Members']").First;
            var persons = await admin.APIRequest.GetAsync(new Uri(_app.BaseAddress, (await members.GetAttributeAsync("href"))!.Replace("&amp;", "&", StringComparison.Ordinal)).ToString());
            var rows = (await persons.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("person_id,anchor_date,in_numerator", rows[0]);
            Assert.True(rows.Length > 1);

            using var workspace = Workspace.Open(_app.Folder);
            var audit = workspace.Audit.Records();
            Assert.Contains(audit, r => r.Event.Actor == "admin@demo" && r.Event.Target.StartsWith($"persons behind metric {Metric}", StringComparison.Ordinal));
            Assert.Contains(audit, r => r.Event.Actor == "analyst@demo" && r.Event.Action == AuditAction.Export && r.Event.Target == $"results of metric {Metric}");
        }
    }

    public void Dispose() => _app.Dispose();
}
