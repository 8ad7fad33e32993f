using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Tessera.Web.Tests;

/// <summary>
/// The app in real Chromium (Debian's package, launched by path, no download). Chromium's path
/// comes from TESSERA_CHROMIUM (default /usr/bin/chromium). Without it the test skips on a
/// laptop, but fails when CI is set.
/// </summary>
public sealed class BrowserTests(WorkspaceAppFactory app) : IClassFixture<WorkspaceAppFactory>
{
    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("TESSERA_CHROMIUM") ?? "/usr/bin/chromium";

    [SkippableFact]
    public async Task Overview_loads_in_Chromium_with_chart_and_no_accessibility_violations()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.True(Environment.GetEnvironmentVariable("CI") is null, $"CI is set but Chromium was not found at {ChromiumPath} (set TESSERA_CHROMIUM).");
            Skip.If(true, $"Chromium not found at {ChromiumPath}; set TESSERA_CHROMIUM to run browser tests.");
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var page = await browser.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };

        var response = await page.GotoAsync(app.BaseAddress.ToString());
        Assert.NotNull(response);
        Assert.True(response.Ok);
        Assert.Equal("Overview · Tessera", await page.TitleAsync());
        Assert.Equal(6, await page.Locator("#sources-table tbody tr").CountAsync());

        // Chart.js drew into the canvas: it sets the canvas size attributes when it renders.
        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.getElementById('bytes-by-source')) !== undefined");

        // USWDS styles came from our own server (the header gets its USWDS font family).
        var font = await page.EvalOnSelectorAsync<string>(".usa-logo__text", "e => getComputedStyle(e).fontFamily");
        Assert.Contains("Source Sans", font, StringComparison.OrdinalIgnoreCase);

        await page.ClickAsync("text=homelessness");
        await page.WaitForURLAsync("**/sources/homelessness");
        Assert.Contains("homelessness", await page.InnerTextAsync("h1"), StringComparison.Ordinal);

        await page.GotoAsync(app.BaseAddress.ToString());
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length} nodes)")));
        Assert.True(consoleErrors.Count == 0, string.Join("\n", consoleErrors));
    }
}
