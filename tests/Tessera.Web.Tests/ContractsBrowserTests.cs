using System.IO.Compression;
using Microsoft.Playwright;
using Tessera.Cli.Commands;
using Tessera.Intake.Inbox;
using Tessera.Synthetic;

namespace Tessera.Web.Tests;

/// <summary>
/// Contracts in a real browser, over a small demo county (its providers and their contracts
/// registered the demo's way): a contract manager adds a contract with two metrics, targets and a
/// best-practice benchmark through the form, sees its performance with bands and benchmarks, and
/// downloads the procurement exhibit; every contracts page passes axe-core.
/// </summary>
public sealed partial class ContractsBrowserTests(ContractsBrowserTests.DemoApp app) : IClassFixture<ContractsBrowserTests.DemoApp>
{
    /// <summary>The web app over a demo workspace of 3,000 people and two years (2023 and 2024).</summary>
    public sealed class DemoApp : KestrelAppFactory
    {
        public DemoApp()
        {
            var inbox = new DeliveryInbox(Folder);
            new CountyGenerator(new SynthOptions { People = 3000, Seed = 2, Months = 24 }).Generate(inbox.Root);
            DemoCommand.IngestCountyAsync(Folder, inbox, TextWriter.Null, TextWriter.Null, CancellationToken.None).GetAwaiter().GetResult();
            DemoCommand.LinkCounty(Folder, TextWriter.Null, TextWriter.Null, CancellationToken.None);
            Start();
        }

        public override string Folder => Path.Combine(Root, "ws");
    }

    [SkippableFact]
    public async Task A_contract_manager_adds_a_contract_sees_its_performance_and_downloads_the_exhibit()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await Chromium.SignInAsync(page, app.BaseAddress, "contracts@demo");
            await page.GotoAsync(app.BaseAddress + "contracts");
            await Chromium.AssertAccessibleAsync(page, "contracts");
            var listed = await page.InnerTextAsync("#contracts-table");
            Assert.Contains("WF01-2024", listed, StringComparison.Ordinal);
            Assert.DoesNotContain("FP01", listed, StringComparison.Ordinal); // another agency's

            await page.ClickAsync("text=Add a contract");
            await Chromium.AssertAccessibleAsync(page, "contracts/new");
            await page.FillAsync("#id", "WF02-2023");
            await page.SelectOptionAsync("#provider", "WF02");
            await page.SelectOptionAsync("#program", "job-training");
            await page.FillAsync("#start", "2023-01-01");
            await page.FillAsync("#end", "2023-12-31");
            await page.FillAsync("#value", "200000.00");
            await page.FillAsync("#reason", "agreed with the provider in December");
            await page.SelectOptionAsync("#metric-0", "acm-training-completion");
            await page.FillAsync("#target-0", "50"); // a rate written as a percentage: refused
            await page.FillAsync("#watch-0", "0.05");
            await page.FillAsync("#best-0", "0.70");
            await page.FillAsync("#citation-0", "Pathways Works in 2023 (synthetic county)");
            await page.SelectOptionAsync("#metric-1", "acm-first-day-attendance");
            await page.SelectOptionAsync("#type-1", "activity");
            await page.FillAsync("#target-1", "0.80");
            await page.FillAsync("#watch-1", "0.05");
            await page.ClickAsync("form.usa-form button[type=submit]");
            await Assertions.Expect(page.Locator("#problems")).ToContainTextAsync("its target must be from 0 to 1");
            await Chromium.AssertAccessibleAsync(page, "contracts/new with problems");

            await page.FillAsync("#target-0", "0.50");
            await page.ClickAsync("form.usa-form button[type=submit]");
            await Assertions.Expect(page).ToHaveURLAsync(app.BaseAddress + "contracts/WF02-2023");
            await page.WaitForFunctionAsync("() => window.Chart && document.querySelectorAll('canvas[data-chart]').length === 2 && [...document.querySelectorAll('canvas[data-chart]')].every(c => Chart.getChart(c) !== undefined)");
            await Chromium.AssertAccessibleAsync(page, "contracts/WF02-2023");
            var completion = page.Locator("table[data-metric='acm-training-completion']");
            Assert.Equal(12, await completion.Locator("tbody tr").CountAsync());
            Assert.True(await completion.Locator("[data-band='off_track']").CountAsync() > await completion.Locator("[data-band='on_track']").CountAsync(), "the planted worst provider is mostly off track");
            Assert.DoesNotContain("—", await completion.Locator("tbody tr td:nth-child(6)").First.InnerTextAsync(), StringComparison.Ordinal); // a peer median
            Assert.Contains("best practice 0.70 (Pathways Works in 2023 (synthetic county))", await page.InnerTextAsync("main"), StringComparison.Ordinal);
            var legend = await page.EvalOnSelectorAsync<string>("canvas[data-chart]", "c => Chart.getChart(c).data.datasets.map(d => d.label).join('|')");
            Assert.Equal("Provider|Target|Peer median|Own year before|Best practice", legend);

            await page.ClickAsync("text=Procurement exhibit");
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Outcome measures — contract WF02-2023");
            await Chromium.AssertAccessibleAsync(page, "contracts/WF02-2023/exhibit");
            Assert.Contains("Training completion rate", await page.InnerTextAsync("main"), StringComparison.Ordinal);
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=Download as Word"));
            Assert.Equal("WF02-2023-outcome-measures.docx", download.SuggestedFilename);
            var path = await download.PathAsync();
            using (var docx = ZipFile.OpenRead(path!))
            using (var reader = new StreamReader(docx.GetEntry("word/document.xml")!.Open()))
            {
                var xml = await reader.ReadToEndAsync();
                Assert.Contains("Training completion rate", xml, StringComparison.Ordinal);
                Assert.Contains("0.50 from 2023-01-01", xml, StringComparison.Ordinal);
            }

            await page.GotoAsync(app.BaseAddress + "providers");
            await Chromium.AssertAccessibleAsync(page, "providers");
            await page.ClickAsync("a[href='/providers/WF02/scorecard']");
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Past performance of provider WF02");
            Assert.Contains("WF02-2023", await page.InnerTextAsync("main"), StringComparison.Ordinal);
            await Chromium.AssertAccessibleAsync(page, "providers/WF02/scorecard");
        }
    }

    [SkippableFact]
    public async Task A_contract_manager_changes_a_target_mid_contract_and_the_earlier_periods_keep_theirs()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await Chromium.SignInAsync(page, app.BaseAddress, "contracts@demo");
            await page.GotoAsync(app.BaseAddress + "contracts/WF01-2024");
            var completion = page.Locator("table[data-metric='acm-training-completion']");
            var before = await completion.Locator("tbody tr td:nth-child(3)").AllInnerTextsAsync();
            var bandsBefore = await completion.Locator("[data-band]").AllInnerTextsAsync();
            Assert.Single(before.Distinct());

            await page.ClickAsync("text=Change the target of Training completion rate");
            await Chromium.AssertAccessibleAsync(page, "contracts/WF01-2024/target");
            await page.FillAsync("#from", "2024-07-01");
            await page.FillAsync("#value", "1.5");
            await page.ClickAsync("form.usa-form button[type=submit]");
            await Assertions.Expect(page.Locator("#problems")).ToContainTextAsync("Why: say why the target changes");
            await Chromium.AssertAccessibleAsync(page, "contracts/WF01-2024/target with problems");
            await page.FillAsync("#reason", "new curriculum from July");
            await page.ClickAsync("form.usa-form button[type=submit]");
            await Assertions.Expect(page.Locator("#problems")).ToContainTextAsync("its target must be from 0 to 1");

            await page.FillAsync("#value", "0.00"); // so low that every period with a figure is on track
            await page.SelectOptionAsync("#proposed", "provider");
            await page.ClickAsync("form.usa-form button[type=submit]");
            await Assertions.Expect(page).ToHaveURLAsync(app.BaseAddress + "contracts/WF01-2024#metric-acm-training-completion");
            var targets = await completion.Locator("tbody tr td:nth-child(3)").AllInnerTextsAsync();
            Assert.Equal(before.Take(6), targets.Take(6));
            Assert.All(targets.Skip(6), t => Assert.Equal("0.00", t));
            var bands = await completion.Locator("[data-band]").AllInnerTextsAsync();
            Assert.Equal(bandsBefore.Take(6), bands.Take(6)); // the first half keeps its target and its bands
            Assert.All(bands.Skip(6), b => Assert.True(b is "on track" or "no data", $"after: {string.Join(", ", bands)}"));
            Assert.Contains("off track", bandsBefore.Skip(6)); // the synthetic provider's figures fall late in 2024
            var main = await page.InnerTextAsync("main");
            Assert.Contains("Target 0.00 from 2024-07-01, proposed by provider", main, StringComparison.Ordinal);
            Assert.Contains("target of acm-training-completion from 2024-07-01: new curriculum from July", main, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task A_contract_manager_prepares_a_statement_and_a_finance_officer_approves_and_downloads_it()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var manager = await browser.NewPageAsync();
            await Chromium.SignInAsync(manager, app.BaseAddress, "contracts@demo");
            await manager.GotoAsync(app.BaseAddress + "contracts/WF03-2024");
            Assert.Contains("Paid by quarter; base $200,000.00 in equal parts", await manager.InnerTextAsync("main"), StringComparison.Ordinal);
            await manager.ClickAsync("a:text('Payments')");
            await Chromium.AssertAccessibleAsync(manager, "contracts/WF03-2024/payments");
            await manager.SelectOptionAsync("#period", "2024-Q2");
            await manager.ClickAsync("form.usa-form button[type=submit]");
            await Assertions.Expect(manager.Locator("h1")).ToContainTextAsync("contract WF03-2024, 2024-Q2");
            await Chromium.AssertAccessibleAsync(manager, "payments/ID prepared");
            var statementUrl = manager.Url;
            Assert.Equal("$50,000.00", (await manager.InnerTextAsync("#lines-table tr[data-kind='base'] td:nth-child(7)")).Trim()); // 200,000 over four quarters
            Assert.Equal(1, await manager.Locator("#lines-table tr[data-kind='outcome']").CountAsync());
            Assert.Equal(0, await manager.Locator("text=Approve this statement").CountAsync()); // a contract manager prepares, never approves

            var finance = await browser.NewPageAsync();
            await Chromium.SignInAsync(finance, app.BaseAddress, "finance@demo");
            await finance.GotoAsync(statementUrl);
            var total = await finance.InnerTextAsync("#total");
            await finance.ClickAsync("text=Approve this statement");
            await Assertions.Expect(finance.Locator("[data-status]")).ToHaveTextAsync("approved");
            Assert.Contains("by finance@demo", await finance.InnerTextAsync("main"), StringComparison.Ordinal);
            Assert.Equal(total, await finance.InnerTextAsync("#total"));
            await Chromium.AssertAccessibleAsync(finance, "payments/ID approved");

            var csv = await finance.RunAndWaitForDownloadAsync(() => finance.ClickAsync("text=Download as CSV"));
            var lines = await File.ReadAllLinesAsync((await csv.PathAsync())!);
            Assert.Equal("statement,contract,line,kind,metric,period_start,period_end,count,rate,amount,metric_run", lines[0]);
            Assert.Contains(",total,", lines[^1], StringComparison.Ordinal);
            Assert.Equal(total.Replace("$", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), lines[^1].Split(',')[9]);
            var excel = await finance.RunAndWaitForDownloadAsync(() => finance.ClickAsync("text=Download as Excel"));
            Assert.EndsWith(".xlsx", excel.SuggestedFilename, StringComparison.Ordinal);
            using (var workbook = ZipFile.OpenRead((await excel.PathAsync())!))
            using (var reader = new StreamReader(workbook.GetEntry("xl/worksheets/sheet1.xml")?.Open() ?? workbook.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).Open()))
            {
                Assert.Contains("earn_back", await reader.ReadToEndAsync(), StringComparison.Ordinal);
            }

            await manager.GotoAsync(app.BaseAddress + "contracts/WF03-2024/payments");
            await manager.SelectOptionAsync("#period", "2024-Q2");
            await manager.ClickAsync("form.usa-form button[type=submit]");
            await Assertions.Expect(manager.Locator("#problems")).ToContainTextAsync("was approved in statement");

            await manager.GotoAsync(app.BaseAddress + "contracts");
            await manager.ClickAsync("text=Try a rate card on past results");
            await Chromium.AssertAccessibleAsync(manager, "payments/what-if");
            await manager.FillAsync("#from", "2024-01-01");
            await manager.FillAsync("#to", "2024-12-31");
            await manager.FillAsync("#card", WhatIfCard.Replace("rate: 800.00", "rate: -800.00", StringComparison.Ordinal));
            await manager.ClickAsync("text=Try it");
            await Assertions.Expect(manager.Locator("#problems")).ToContainTextAsync("card.payments.outcomes[0].rate: expected an amount in dollars of 0 or more");
            await Chromium.AssertAccessibleAsync(manager, "payments/what-if with problems");
            await manager.FillAsync("#card", WhatIfCard);
            await manager.ClickAsync("text=Try it");
            await Assertions.Expect(manager.Locator("#what-if-table")).ToBeVisibleAsync();
            Assert.Equal(7, await manager.Locator("#what-if-table tbody tr").CountAsync()); // the seven training providers
            Assert.Contains("4 payment periods", await manager.InnerTextAsync("#summary"), StringComparison.Ordinal);
            await Chromium.AssertAccessibleAsync(manager, "payments/what-if with results");
        }
    }

    private const string WhatIfCard = """
        metrics:
          - { metric: acm-training-completion, type: outcome, target: 0.50 }
        payments:
          base: 100000.00
          outcomes: [{ metric: acm-training-completion, rate: 800.00 }]
        budget: 900000.00
        """;

    [SkippableFact]
    public async Task A_contract_manager_changes_the_payment_terms_in_a_form()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await Chromium.SignInAsync(page, app.BaseAddress, "contracts@demo");
            await page.GotoAsync(app.BaseAddress + "contracts/WF05-2024");
            await page.ClickAsync("text=Change the payment terms");
            await Chromium.AssertAccessibleAsync(page, "contracts/WF05-2024/terms");
            Assert.Equal("200000.00", await page.InputValueAsync("#base"));
            await page.SelectOptionAsync("#bonus-metric-0", "acm-training-completion");
            await page.FillAsync("#bonus-threshold-0", "0.70");
            await page.FillAsync("#bonus-amount-0", "7500.00");
            await page.FillAsync("#floor", "50000.00"); // above the cap of 40,000
            await page.FillAsync("#reason", "bonus agreed for the second year");
            await page.ClickAsync("form.usa-form button[type=submit]");
            await Assertions.Expect(page.Locator("#problems")).ToContainTextAsync("payments.cap: the cap (40000.00) is below the floor (50000.00)");
            await Chromium.AssertAccessibleAsync(page, "contracts/WF05-2024/terms with problems");

            await page.FillAsync("#floor", "1000.00");
            await page.ClickAsync("form.usa-form button[type=submit]");
            await Assertions.Expect(page).ToHaveURLAsync(app.BaseAddress + "contracts/WF05-2024#payment-terms");
            var main = await page.InnerTextAsync("main");
            Assert.Contains("Bonus $7,500.00 when acm-training-completion reaches 0.70", main, StringComparison.Ordinal);
            Assert.Contains("Incentive at least $1,000.00 per period", main, StringComparison.Ordinal);
            Assert.Contains("bonus agreed for the second year", main, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task A_providers_staff_see_their_own_contracts_and_no_form()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await Chromium.SignInAsync(page, app.BaseAddress, "provider@demo");
            await page.GotoAsync(app.BaseAddress + "contracts");
            var listed = await page.InnerTextAsync("#contracts-table");
            Assert.Contains("WF01-2024", listed, StringComparison.Ordinal);
            Assert.DoesNotContain("WF02", listed, StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator("text=Add a contract").CountAsync());
            Assert.Equal(404, (await page.GotoAsync(app.BaseAddress + "contracts/WF02-2024"))!.Status);
        }
    }
}
