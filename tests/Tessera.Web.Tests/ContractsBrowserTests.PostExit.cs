namespace Tessera.Web.Tests;

/// <summary>A provider's staff see what happened to their clients after they left (charts and tables per post-exit measure, hidden cells as gaps, CSV) and themselves against peers under labels; another provider's pages do not exist.</summary>
public sealed partial class ContractsBrowserTests
{
    [SkippableFact]
    public async Task A_provider_sees_what_became_of_its_clients_after_they_left()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await Chromium.SignInAsync(page, app.BaseAddress, "provider@demo");
            await page.GotoAsync(app.BaseAddress + "providers/WF01/scorecard");
            await page.ClickAsync("text=What happened to this provider's clients afterwards");
            await Chromium.AssertAccessibleAsync(page, "providers/WF01/post-exit");
            Assert.Contains("What happened to the clients of WF01 afterwards", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
            foreach (var metric in new[] { "wioa-employment-q2", "postexit-arrest-after-training-12m" })
            {
                Assert.True(await page.Locator($"#table-{metric} tbody tr").CountAsync() > 0, metric);
                Assert.Equal(1, await page.Locator($"section:has(#table-{metric}) canvas[data-chart=line]").CountAsync());
            }

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=Download all (CSV)"));
            var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
            Assert.Equal("provider,metric,period_start,period_end,numerator,denominator,value,hidden", csv[0]);
            Assert.All(csv.Skip(1), line => Assert.StartsWith("WF01,", line, StringComparison.Ordinal));

            Assert.Equal(404, (await page.GotoAsync(app.BaseAddress + "providers/WF02/post-exit"))!.Status);

            // Its peers: under labels, the smaller ones only together.
            await page.GotoAsync(app.BaseAddress + "providers/WF01/scorecard");
            await page.ClickAsync("text=This provider against its peers");
            await Chromium.AssertAccessibleAsync(page, "providers/WF01/peers");
            var table = await page.InnerTextAsync("#peers-table");
            Assert.Contains("You", table, StringComparison.Ordinal);
            Assert.True(System.Text.RegularExpressions.Regex.IsMatch(table, "Peer [0-9A-Z]{5}") || table.Contains("Smaller providers", StringComparison.Ordinal), table); // a small county: maybe all together
            Assert.DoesNotContain("WF0", table, StringComparison.Ordinal); // no peer's id
            Assert.Equal(1, await page.Locator("canvas[data-chart=bar]").CountAsync());
            Assert.Equal(404, (await page.GotoAsync(app.BaseAddress + "providers/WF02/peers"))!.Status);
        }
    }

    [SkippableFact]
    public async Task Every_registered_provider_has_a_demo_staff_user_who_sees_only_its_own()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(app.BaseAddress + "signin");
            await page.ClickAsync("#provider-users summary");
            await Chromium.AssertAccessibleAsync(page, "signin with the providers' staff users");
            Assert.True(await page.Locator("#provider-users input[type=radio]").CountAsync() >= 20);

            await Chromium.SignInAsync(page, app.BaseAddress, "staff-es01@demo");
            await page.GotoAsync(app.BaseAddress + "contracts");
            var listed = await page.InnerTextAsync("#contracts-table");
            Assert.Contains("ES01-2024", listed, StringComparison.Ordinal);
            Assert.DoesNotContain("WF01", listed, StringComparison.Ordinal);
            Assert.Equal(200, (await page.GotoAsync(app.BaseAddress + "providers/ES01/post-exit"))!.Status);
            Assert.Equal(404, (await page.GotoAsync(app.BaseAddress + "providers/WF01/post-exit"))!.Status);
        }
    }
}
