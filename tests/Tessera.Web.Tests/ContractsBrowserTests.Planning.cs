using Microsoft.Playwright;

namespace Tessera.Web.Tests;

/// <summary>
/// Planning in a real browser over the demo county: a facilitator (the workforce agency's contract
/// manager) starts a rapid assessment, records two participants' answers, sees the radar chart and
/// the question to discuss, agrees its level, ranks the inventory (and re-ranks it with a weight),
/// and promotes the first short-listed item to a draft contract through the filled-in contract
/// form; the service overlap draws its UpSet chart; every page passes axe-core.
/// </summary>
public sealed partial class ContractsBrowserTests
{
    [SkippableFact]
    public async Task A_facilitator_runs_an_assessment_ranks_the_inventory_and_drafts_the_first_contract()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await Chromium.SignInAsync(page, app.BaseAddress, "contracts@demo");
            await page.GotoAsync(app.BaseAddress + "plan");
            await Chromium.AssertAccessibleAsync(page, "plan");
            await page.SelectOptionAsync("#agency", "workforce");
            await page.FillAsync("#title", "Workforce agency, spring 2027");
            await page.FillAsync("#start", "2027-01-11");
            await page.ClickAsync("#new-assessment button[type=submit]");
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/plan/assessments/[0-9]+$"));
            var assessment = page.Url;

            foreach (var (name, team) in new[] { ("Ana Ruiz", "program"), ("Bo Chen", "budget") })
            {
                await page.FillAsync("#participant-name", name);
                await page.FillAsync("#participant-team", team);
                await page.ClickAsync("#participant-form button[type=submit]");
                await Assertions.Expect(page.Locator("#participants")).ToContainTextAsync(name);
            }

            await Assertions.Expect(page.Locator("#missing-teams")).ToContainTextAsync("data, procurement");
            foreach (var (name, levels) in new[] { ("Ana Ruiz", new[] { 3, 3, 2, 4, 1 }), ("Bo Chen", new[] { 1, 2, 2, 4, 2 }) })
            {
                await page.SelectOptionAsync("#answer-participant", name);
                foreach (var (question, level) in new[] { "goals.outcomes", "goals.population", "metrics.outcomes", "data.sharing", "incentives.payment" }.Zip(levels))
                {
                    await page.ClickAsync($"label[for='{question}-{level}']");
                }

                await page.FillAsync("[id='evidence-goals.outcomes']", name == "Ana Ruiz" ? "Strategic plan 2026" : "");
                await page.ClickAsync("#answer-form button[type=submit]");
                await Assertions.Expect(page.Locator("#done")).ToContainTextAsync($"5 answers of {name} recorded");
            }

            // Goals: outcomes (3 + 1) / 2 = 2, population (3 + 2) / 2 = 2.5 → 2.25; Ana 3, Bo 1.5 apart by 1.5.
            await Assertions.Expect(page.Locator("#scores tbody tr").First).ToContainTextAsync("2.25");
            await Assertions.Expect(page.Locator("#scores tbody tr").First).ToContainTextAsync("1.50");
            Assert.True(await page.Locator("#radar").EvaluateAsync<bool>("c => c.width > 0 && Chart.getChart(c).config.type === 'radar' && Chart.getChart(c).data.datasets.length === 3"), "the radar chart: the group and both participants");
            await Assertions.Expect(page.Locator("#strengths")).ToContainTextAsync("Data sharing across agencies");
            await Assertions.Expect(page.Locator("#gaps")).ToContainTextAsync("Payment tied to results");
            await Chromium.AssertAccessibleAsync(page, "plan/assessments/{id}");
            await page.SelectOptionAsync("[id='agree-level-goals.outcomes']", "2");
            await page.ClickAsync("#agree-goals-outcomes button[type=submit]");
            await Assertions.Expect(page.Locator("#done")).ToContainTextAsync("Agreed level recorded");
            await Assertions.Expect(page.Locator("#agree-goals-outcomes")).ToHaveCountAsync(0);

            var word = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#word"));
            Assert.EndsWith(".docx", word.SuggestedFilename, StringComparison.Ordinal);

            await page.ClickAsync("#inventory-link");
            await Chromium.AssertAccessibleAsync(page, "plan/assessments/{id}/inventory (empty)");
            foreach (var (name, kind, value, ratings) in new[]
            {
                ("Youth employment RFP", "procurement", "900000", new[] { 3, 5, 3, 5, 4 }),
                ("Adult training renewal", "contract", "2400000", new[] { 5, 4, 4, 3, 3 }),
                ("Job club", "contract", "600000", new[] { 2, 5, 2, 2, 5 }),
                ("Reentry services RFP", "procurement", "1000000", new[] { 3, 1, 4, 5, 5 }),
            })
            {
                await page.FillAsync("#item-name", name);
                await page.SelectOptionAsync("#item-kind", kind);
                await page.FillAsync("#item-program", "job-training");
                await page.FillAsync("#item-value", value);
                await page.FillAsync("#item-date", "2027-09-01");
                await page.FillAsync("#item-population", "Adults and youth seeking work");
                foreach (var (criterion, rating) in new[] { "size", "data", "risk", "timing", "leadership" }.Zip(ratings))
                {
                    await page.FillAsync($"#rating-{criterion}", rating.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                await page.ClickAsync("#item-form button[type=submit]");
                await Assertions.Expect(page.Locator("#inventory")).ToContainTextAsync(name);
            }

            // Equal weights: I1 4.00, I2 3.80, I4 3.60, I3 3.20.
            Assert.Equal(["1", "2", "3", "4"], await page.Locator("#inventory tbody tr td:first-child").AllInnerTextsAsync());
            await Assertions.Expect(page.Locator("#inventory tbody tr").Nth(2)).ToContainTextAsync("Reentry services RFP");
            await page.FillAsync("#weight-data", "3");
            await page.ClickAsync("#weights-form button[type=submit]");
            // Data weighed three times: Job club (26/7 = 3.71) passes Reentry services (20/7 = 2.86).
            await Assertions.Expect(page.Locator("#inventory tbody tr").Nth(2)).ToContainTextAsync("Job club");
            await Assertions.Expect(page.Locator("#inventory tbody tr").Nth(2)).ToContainTextAsync("3.71");
            await Assertions.Expect(page.Locator("#short-list")).ToContainTextAsync("proposed demonstration project");
            Assert.True(await page.Locator("#scores-chart").EvaluateAsync<bool>("c => c.width > 0 && !!Chart.getChart(c)"), "the scores chart is drawn");
            await Chromium.AssertAccessibleAsync(page, "plan/assessments/{id}/inventory");

            await page.ClickAsync("#promote-I1");
            await Assertions.Expect(page.Locator("#drafting")).ToContainTextAsync("Youth employment RFP");
            Assert.Equal("900000.00", await page.InputValueAsync("#value"));
            Assert.Equal("2027-09-01", await page.InputValueAsync("#start"));
            Assert.Equal("plan", await page.InputValueAsync("#stage"));
            await Chromium.AssertAccessibleAsync(page, "contracts/new from an inventory item");
            await page.FillAsync("#id", "WFY-2027");
            await page.SelectOptionAsync("#provider", "WF01");
            await page.SelectOptionAsync("#metric-0", "acm-training-completion");
            await page.FillAsync("#target-0", "0.55");
            await page.ClickAsync("form.usa-form button[type=submit]");
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/contracts/WFY-2027$"));
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("plan");

            await page.GotoAsync(assessment + "/inventory");
            await Assertions.Expect(page.Locator("#short-list")).ToContainTextAsync("Draft contract: WFY-2027");

            await page.GotoAsync(app.BaseAddress + "plan/overlap");
            await Assertions.Expect(page.Locator("#upset")).ToBeVisibleAsync();
            Assert.True(await page.Locator("#upset rect").CountAsync() >= 5, "a bar per combination");
            await Assertions.Expect(page.Locator("#combinations")).ToContainTextAsync("benefits + workforce");
            await Chromium.AssertAccessibleAsync(page, "plan/overlap");

            await page.ClickAsync("#years-link");
            await Assertions.Expect(page.Locator("#years thead")).ToContainTextAsync("2024");
            Assert.True(await page.Locator("#years-chart").EvaluateAsync<bool>("c => c.width > 0 && Chart.getChart(c).data.datasets.length >= 3"), "a line per large combination");
            await Chromium.AssertAccessibleAsync(page, "plan/overlap/years");

            await page.GotoAsync(app.BaseAddress + "plan/overlap");
            await page.ClickAsync("#groups-link");
            await Assertions.Expect(page.Locator("#groups tbody tr").First).ToContainTextAsync("59");
            Assert.True(await page.Locator("#groups-chart").EvaluateAsync<bool>("c => Chart.getChart(c).data.datasets.length == 2 && Chart.getChart(c).options.scales.x.stacked"), "one agency and several, stacked");
            await Chromium.AssertAccessibleAsync(page, "plan/overlap/groups?by=zip");
            await page.ClickAsync("#breakdowns >> text=Generation");
            await Assertions.Expect(page.Locator("#groups")).ToContainTextAsync("parent or caregiver");
            await Chromium.AssertAccessibleAsync(page, "plan/overlap/groups?by=generation");

            await page.GotoAsync(app.BaseAddress + "plan/utilisation?by=source");
            await Assertions.Expect(page.Locator("#utilisation thead")).ToContainTextAsync("workforce");
            Assert.True(await page.Locator("#utilisation-chart").EvaluateAsync<bool>("c => Chart.getChart(c).data.labels.length == 24"), "two years of months");
            await Chromium.AssertAccessibleAsync(page, "plan/utilisation");
        }
    }
}
