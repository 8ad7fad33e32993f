using Microsoft.Playwright;

namespace Tessera.Web.Tests;

/// <summary>
/// Evaluations in a real browser over the demo county: the analyst runs a dose-response analysis
/// of employment after training by how the training ended, adjusted for sex and race, and sees the
/// chart, the table, the comparison and the balance of characteristics; a metric outside their
/// licence is refused with the reason; every page passes axe-core.
/// </summary>
public sealed partial class ContractsBrowserTests
{
    [SkippableFact]
    public async Task An_analyst_runs_a_dose_response_analysis_and_sees_the_chart_and_the_balance_table()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await Chromium.SignInAsync(page, app.BaseAddress, "analyst@demo");
            await page.GotoAsync(app.BaseAddress + "evaluations");
            await Chromium.AssertAccessibleAsync(page, "evaluations");

            // Child welfare is not in the analyst's licence: refused, with the reason.
            await page.SelectOptionAsync("#dose-metric", "fp-reinvolvement-12m");
            await page.FillAsync("#dose-field", "months_of_service");
            await page.FillAsync("#dose-bands", "0-3,3+");
            await page.ClickAsync("#dose-response-form button[type=submit]");
            await Assertions.Expect(page.Locator("#problem")).ToContainTextAsync("data use licence");

            await page.SelectOptionAsync("#dose-metric", "wioa-employment-q2");
            await page.FillAsync("#dose-field", "exit_reason");
            await page.FillAsync("#dose-bands", "DROPPED_OUT|NO_SHOW,COMPLETED");
            await page.ClickAsync("label[for='adjust-sex']");
            await page.ClickAsync("label[for='adjust-race']");
            await page.ClickAsync("#dose-response-form button[type=submit]");
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/evaluations/[0-9]+$"));
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Employment rate, 2nd quarter after exit by exit_reason");
            await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync("under licence dul-shelter-to-work");
            await Assertions.Expect(page.Locator("#chart")).ToBeVisibleAsync();
            Assert.True(await page.Locator("#chart").EvaluateAsync<bool>("c => c.width > 0 && !!Chart.getChart(c)"), "the chart is drawn");
            await Assertions.Expect(page.Locator("#result-table thead")).ToContainTextAsync("adjusted_ci_high");
            await Assertions.Expect(page.Locator("#result-table tbody tr")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("#contrasts")).ToContainTextAsync("COMPLETED");
            Assert.True(await page.Locator("#balance tbody tr").CountAsync() >= 4, "a balance row per category of sex and race");
            await Assertions.Expect(page.Locator("#balance thead")).ToContainTextAsync("After");
            await Assertions.Expect(page.Locator("#record")).ToContainTextAsync("race,sex");
            await Chromium.AssertAccessibleAsync(page, "evaluations/{id}");

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=Download this table (CSV)"));
            using (var reader = new StreamReader(await download.CreateReadStreamAsync()))
            {
                Assert.Equal("band,persons,outcomes,rate,ci_low,ci_high,adjusted_rate,adjusted_ci_low,adjusted_ci_high", (await reader.ReadLineAsync())!.TrimStart('\uFEFF'));
            }

            await page.GotoAsync(app.BaseAddress + "evaluations");
            await Assertions.Expect(page.Locator("#evaluations-table")).ToContainTextAsync("exit_reason");
            await Chromium.AssertAccessibleAsync(page, "evaluations with a list");
        }
    }
}
