using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Tessera.Web.Tests;

/// <summary>
/// The app in real Chromium (Debian's package, launched by path, no download; see <see cref="Chromium"/>).
/// </summary>
public sealed class BrowserTests(WorkspaceAppFactory app) : IClassFixture<WorkspaceAppFactory>
{
    [SkippableFact]
    public async Task Overview_loads_in_Chromium_with_chart_and_no_accessibility_violations()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var disposePlaywright = playwright;
        await using var disposeBrowser = browser;
        var page = await browser.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };

        await Chromium.SignInAsync(page, app.BaseAddress);
        var response = await page.GotoAsync(app.BaseAddress.ToString());
        Assert.NotNull(response);
        Assert.True(response.Ok);
        Assert.Equal("Overview · Tessera", await page.TitleAsync());
        Assert.Equal(7, await page.Locator("#sources-table tbody tr").CountAsync()); // six agencies and the providers' own records

        // Chart.js drew into the canvas: it sets the canvas size attributes when it renders.
        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.getElementById('bytes-by-source')) !== undefined");

        // USWDS styles came from our own server (the header gets its USWDS font family).
        var font = await page.EvalOnSelectorAsync<string>(".usa-logo__text", "e => getComputedStyle(e).fontFamily");
        Assert.Contains("Source Sans", font, StringComparison.OrdinalIgnoreCase);

        await page.ClickAsync("text=homelessness");
        // Polls the URL and heading instead of waiting for the "load" lifecycle event, which Playwright
        // occasionally misses on a loaded CI machine (a 30 s timeout after "networkidle" had fired).
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sources/homelessness$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("homelessness");

        await page.GotoAsync(app.BaseAddress.ToString());
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length} nodes)")));
        Assert.True(consoleErrors.Count == 0, string.Join("\n", consoleErrors));
    }
}
