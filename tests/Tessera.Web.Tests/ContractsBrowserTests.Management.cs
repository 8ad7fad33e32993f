using Microsoft.Playwright;

namespace Tessera.Web.Tests;

/// <summary>
/// Active contract management in a real browser over the same demo county: a contract manager
/// turns an alert into an action item, plans the month's deep dive, prepares a check-in whose
/// agenda shows all three, records minutes and a new item that the next check-in carries; a
/// caseworker's report becomes an action item; the packet prints; every page passes axe-core.
/// </summary>
public sealed partial class ContractsBrowserTests
{
    [SkippableFact]
    public async Task A_contract_manager_runs_a_monthly_check_in_from_alert_to_next_agenda()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var manager = await browser.NewPageAsync();
            await Chromium.SignInAsync(manager, app.BaseAddress, "contracts@demo");
            await manager.GotoAsync(app.BaseAddress + "acm");
            await Chromium.AssertAccessibleAsync(manager, "acm");
            Assert.DoesNotContain("FP01", await manager.InnerTextAsync("#contracts-table"), StringComparison.Ordinal); // another agency's

            // The dashboards: a contract's measures at a glance, the program's ranking and funnel plot.
            await manager.ClickAsync("#contracts-table >> text=WF01-2024");
            await Chromium.AssertAccessibleAsync(manager, "acm/dashboards/contracts/WF01-2024");
            Assert.Contains("Training completion", await manager.InnerTextAsync("#dashboard-table"), StringComparison.Ordinal);

            // The equity tab: the contract's measures by race from published figures, small groups hidden.
            await manager.ClickAsync("#equity-tab");
            await Chromium.AssertAccessibleAsync(manager, "acm/dashboards/contracts/WF01-2024/equity");
            var equity = await manager.InnerTextAsync("#equity-acm-training-completion");
            Assert.Contains("Against everyone else", equity, StringComparison.Ordinal);
            Assert.Contains("hidden", equity, StringComparison.Ordinal); // a county of 3,000 has small groups
            await manager.GoBackAsync();
            await manager.ClickAsync("text=The program's ranking and funnel plot");
            await Chromium.AssertAccessibleAsync(manager, "acm/dashboards/programs/job-training");
            await manager.SelectOptionAsync("#metric", "acm-training-completion");
            await manager.ClickAsync("#metric-form button[type=submit]");
            await Chromium.AssertAccessibleAsync(manager, "acm/dashboards/programs/job-training?metric=acm-training-completion");
            var method = await manager.InnerTextAsync("#method");
            Assert.Contains("raw rates", method, StringComparison.Ordinal);
            Assert.Contains("adjusted for client mix by indirect standardisation on: released from prison", method, StringComparison.Ordinal);
            Assert.Contains("Adjusted rank", await manager.InnerTextAsync("#ranking-table thead"), StringComparison.Ordinal);
            Assert.Equal(2, await manager.Locator("canvas[data-chart=funnel]").CountAsync()); // raw and adjusted
            Assert.True(await manager.Locator("#ranking-table tbody tr").CountAsync() >= 1);

            // Which contracts get ACM: scores with reasons, sprints.
            await manager.GotoAsync(app.BaseAddress + "acm/portfolio");
            await Chromium.AssertAccessibleAsync(manager, "acm/portfolio");
            Assert.Contains("complex: pays on results", await manager.InnerTextAsync("#scores-table"), StringComparison.Ordinal);
            Assert.Equal(4, await manager.Locator("#sprints li").CountAsync());

            // Case-file review: good and poor cases, pseudonymous, reproducible.
            await manager.GotoAsync(app.BaseAddress + "acm/case-review?contract=WF01-2024&metric=acm-training-completion&per=2&seed=5");
            await Chromium.AssertAccessibleAsync(manager, "acm/case-review");
            var drawn = await manager.InnerTextAsync("#sample-table tbody");
            Assert.Contains("good", drawn, StringComparison.Ordinal);
            await manager.ReloadAsync();
            Assert.Equal(drawn, await manager.InnerTextAsync("#sample-table tbody"));

            // An alert on one of the workforce contracts becomes an action item.
            await manager.GotoAsync(app.BaseAddress + "acm/alerts?program=job-training");
            await Chromium.AssertAccessibleAsync(manager, "acm/alerts");
            var row = manager.Locator("#alerts-table tbody tr").First;
            var contract = (await row.Locator("td").First.InnerTextAsync()).Trim();
            var alertPeriod = (await row.Locator("td").Nth(2).InnerTextAsync())[..7];
            Assert.StartsWith("WF0", contract, StringComparison.Ordinal);
            await row.Locator("text=Acknowledge").ClickAsync();
            Assert.Contains("acknowledged", await manager.Locator("#alerts-table tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);
            await manager.Locator("#alerts-table tbody tr").First.Locator("text=Make an action item").ClickAsync();
            await Chromium.AssertAccessibleAsync(manager, "acm/actions from an alert");
            await manager.FillAsync("#item-title", "Ask the provider what changed");
            await manager.FillAsync("#item-owner", "Ana Ruiz");
            await manager.ClickAsync("#item-form button[type=submit]");
            await Assertions.Expect(manager.Locator("#items-table")).ToContainTextAsync("Ask the provider what changed");

            // This month's deep dive on the roadmap.
            await manager.GotoAsync(app.BaseAddress + "acm/roadmap/job-training");
            await Chromium.AssertAccessibleAsync(manager, "acm/roadmap");
            await manager.Locator("#roadmap-form input[name=topic]").First.FillAsync("Referral matching");
            await manager.ClickAsync("#roadmap-form button[type=submit]");
            Assert.Equal("Referral matching", await manager.Locator("#roadmap-form input[name=topic]").First.InputValueAsync());

            // The check-in's agenda: the open item, the measure with its alert, the deep dive.
            await manager.GotoAsync(app.BaseAddress + "acm");
            await manager.SelectOptionAsync("#kind", "check_in");
            await manager.SelectOptionAsync("#contract", contract);
            await manager.ClickAsync("#schedule-form button[type=submit]");
            await Assertions.Expect(manager.Locator("h1")).ToContainTextAsync("Monthly data and contract check-in");
            await Chromium.AssertAccessibleAsync(manager, "acm/meetings/ID");
            var meeting = manager.Url;
            Assert.Contains("Ask the provider what changed", await manager.InnerTextAsync("#agenda-items"), StringComparison.Ordinal);
            Assert.Contains(alertPeriod, await manager.InnerTextAsync("#agenda-measures tbody tr:first-child"), StringComparison.Ordinal);
            Assert.Contains("Referral matching", await manager.InnerTextAsync("#deep-dive"), StringComparison.Ordinal);

            // Minutes, a note and a new action item.
            await manager.FillAsync("#attendees", "Ana Ruiz (agency), J. Park (provider)");
            await manager.FillAsync("#minutes", "Intake staff left in the spring; referrals waited.");
            await manager.ClickAsync("#minutes-form button[type=submit]");
            await Assertions.Expect(manager.Locator("#minutes")).ToHaveValueAsync("Intake staff left in the spring; referrals waited.");
            await manager.FillAsync("#note-subject", "Referrals, last quarter");
            await manager.FillAsync("#note-text", "Referrals kept coming; enrolments did not.");
            await manager.ClickAsync("#note-form button[type=submit]");
            await Assertions.Expect(manager.Locator("#notes")).ToContainTextAsync("enrolments did not");
            await manager.FillAsync("#new-title", "Confirm two intake staff are hired");
            await manager.FillAsync("#new-owner", "J. Park");
            await manager.ClickAsync("#meeting-item-form button[type=submit]");
            await Assertions.Expect(manager.Locator("#agenda-items")).ToContainTextAsync("Confirm two intake staff are hired");

            // The packet prints, charts and all.
            await manager.ClickAsync("text=Open the meeting packet");
            await Chromium.AssertAccessibleAsync(manager, "acm/meetings/ID/packet");
            Assert.True(await manager.Locator(".tessera-packet-chart canvas").CountAsync() > 0);
            Assert.True(await manager.Locator("text=Download this chart (PNG)").CountAsync() > 0);
            var pdf = await manager.PdfAsync(new PagePdfOptions { Format = "Letter" });
            Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);

            // The server's PDF has the same contents: read back with PdfPig, page by page.
            var download = await manager.RunAndWaitForDownloadAsync(() => manager.ClickAsync("#packet-pdf"));
            using (var packet = UglyToad.PdfPig.PdfDocument.Open(await File.ReadAllBytesAsync((await download.PathAsync())!)))
            {
                var text = string.Join("\n", packet.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
                Assert.True(packet.NumberOfPages >= 2, $"{packet.NumberOfPages} pages");
                Assert.Contains("Action items and lessons learned", text, StringComparison.Ordinal);
                Assert.Contains("Ask the provider what changed", text, StringComparison.Ordinal); // the open action item
                Assert.Contains("Confirm two intake staff are hired", text, StringComparison.Ordinal);
                Assert.Contains("Referral matching", text, StringComparison.Ordinal); // the roadmap topic
                Assert.Contains($"{contract}: acm-", text, StringComparison.Ordinal); // a chart's title
                Assert.Contains("Peer median", text, StringComparison.Ordinal); // its legend
                Assert.Contains("referrals waited", text, StringComparison.Ordinal); // the minutes
            }
            await manager.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            Assert.False(await manager.Locator("header.usa-header").IsVisibleAsync()); // the print stylesheet drops the site
            await manager.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });

            // A caseworker files a report; the manager makes it an action item.
            var caseworker = await browser.NewPageAsync();
            await Chromium.SignInAsync(caseworker, app.BaseAddress, "caseworker@demo");
            await caseworker.GotoAsync(app.BaseAddress + "frontline/new");
            await Chromium.AssertAccessibleAsync(caseworker, "frontline/new");
            await caseworker.SelectOptionAsync("#provider", contract.Split('-')[0]);
            await caseworker.ClickAsync("label[for=category-transportation]");
            await caseworker.FillAsync("#text", "Families cannot reach the east site since the bus route changed.");
            await caseworker.ClickAsync("#report-form button[type=submit]");
            await Assertions.Expect(caseworker.Locator("#filed")).ToContainTextAsync("was filed");
            await Chromium.AssertAccessibleAsync(caseworker, "frontline/new filed");
            Assert.Equal(403, (await caseworker.GotoAsync(app.BaseAddress + "acm"))!.Status); // nothing person-level, nothing of the contracts

            await manager.GotoAsync(app.BaseAddress + "frontline");
            await Chromium.AssertAccessibleAsync(manager, "frontline");
            Assert.Contains("transportation", await manager.InnerTextAsync("#trends-table"), StringComparison.Ordinal);
            var report = manager.Locator("#reports-table tbody tr").First;
            await report.Locator("input[name=owner]").FillAsync("Ana Ruiz");
            await report.Locator("text=Make an action item").ClickAsync();
            await Assertions.Expect(manager.Locator("#items-table")).ToContainTextAsync("Frontline report (transportation)");
            await Chromium.AssertAccessibleAsync(manager, "acm/actions");

            // The first item is closed with its lesson; the next check-in carries the open ones and lists the lesson.
            var first = manager.Locator("#items-table tbody tr", new PageLocatorOptions { HasText = "Ask the provider what changed" });
            await first.Locator("input[name=lesson]").FillAsync("Two intake staff had left; the provider is hiring.");
            await first.Locator("text=Close").ClickAsync();
            await manager.GotoAsync(app.BaseAddress + "acm");
            await manager.SelectOptionAsync("#kind", "check_in");
            await manager.SelectOptionAsync("#contract", contract);
            await manager.FillAsync("#day", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await manager.ClickAsync("#schedule-form button[type=submit]");
            Assert.NotEqual(meeting, manager.Url);
            var items = await manager.InnerTextAsync("#agenda-items");
            Assert.Contains("Confirm two intake staff are hired", items, StringComparison.Ordinal);
            Assert.Contains("Frontline report (transportation)", items, StringComparison.Ordinal);
            Assert.Contains("the provider is hiring", await manager.InnerTextAsync("#agenda-lessons"), StringComparison.Ordinal);
        }
    }
}
