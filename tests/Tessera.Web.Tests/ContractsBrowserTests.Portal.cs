using System.Globalization;
using Microsoft.Playwright;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Management;
using Tessera.Storage.Payments;
using Tessera.Storage.Workspaces;

namespace Tessera.Web.Tests;

/// <summary>
/// A provider works through its portal in a real browser: lands on its home, reads its performance
/// against anonymised peers and what became of its clients, reports progress on and closes an
/// action item, downloads its approved statement (never a draft), sends a month of attendance with
/// two bad rows and sees them held back; another provider's pages, items, statements and
/// deliveries are "not found"; axe-core on every page.
/// </summary>
public sealed partial class ContractsBrowserTests
{
    [SkippableFact]
    public async Task A_provider_signs_in_and_works_through_its_portal()
    {
        long item, otherItem, approved, draft, otherStatement;
        using (var workspace = Workspace.Open(app.Folder))
        {
            var admin = Caller.Operator(workspace);
            var finance = new Caller(workspace, new AccessUser("finance@demo", Role.Finance, AccessScope.OfSources(["workforce"])), "payments", "test");
            item = ActionItems.Add(admin, new NewActionItem("Send March's attendance sheets", "Pathways Works", new DateOnly(2024, 4, 15), Contract: "WF01-2024")).Id;
            otherItem = ActionItems.Add(admin, new NewActionItem("Explain the enrolment drop", "Second Start Center", new DateOnly(2024, 4, 15), Contract: "WF02-2024")).Id;
            approved = PaymentRuns.Approve(finance, PaymentRuns.Run(admin, "WF01-2024", "2024-Q1").Id).Id;
            draft = PaymentRuns.Run(admin, "WF01-2024", "2024-Q2").Id;
            otherStatement = PaymentRuns.Approve(finance, PaymentRuns.Run(admin, "WF02-2024", "2024-Q1").Id).Id;
        }

        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await Chromium.SignInAsync(page, app.BaseAddress, "provider@demo");
            await Assertions.Expect(page).ToHaveURLAsync(app.BaseAddress + "providers/WF01");
            await Chromium.AssertAccessibleAsync(page, "providers/WF01");
            var statements = await page.InnerTextAsync("#statements-table");
            Assert.Contains($"Statement {approved}", statements, StringComparison.Ordinal);
            Assert.DoesNotContain($"Statement {draft}", statements, StringComparison.Ordinal);
            Assert.Contains("Send March's attendance sheets", await page.InnerTextAsync("#items-table"), StringComparison.Ordinal);

            // Performance against the anonymised peers, and the clients afterwards.
            await page.ClickAsync("#portal-links >> text=Against your peers");
            await Assertions.Expect(page).ToHaveURLAsync(app.BaseAddress + "providers/WF01/peers");
            Assert.DoesNotContain("WF0", await page.InnerTextAsync("#peers-table"), StringComparison.Ordinal);
            await page.GoBackAsync();
            await page.ClickAsync("#portal-links >> text=Your clients afterwards");
            await Assertions.Expect(page).ToHaveURLAsync(app.BaseAddress + "providers/WF01/post-exit");
            await page.GotoAsync(app.BaseAddress + "providers/WF01/frontline");
            await Chromium.AssertAccessibleAsync(page, "providers/WF01/frontline");

            // The action item: a progress note, refused when it names a client's number, then closed.
            await page.GotoAsync(app.BaseAddress + "providers/WF01");
            await page.ClickAsync($"#items-table >> text=Item {item}");
            await Chromium.AssertAccessibleAsync(page, $"acm/actions/{item}");
            await page.FillAsync("#comment", "Client 123-45-6789 was missing from the sheet");
            await page.ClickAsync("#comment-form button[type=submit]");
            await Assertions.Expect(page.Locator("#problems")).ToContainTextAsync("could identify a client");
            await page.FillAsync("#comment", "Sheets for weeks 1 to 3 sent; week 4 follows on Friday.");
            await page.ClickAsync("#comment-form button[type=submit]");
            await Assertions.Expect(page.Locator("#updates-table")).ToContainTextAsync("Sheets for weeks 1 to 3 sent");
            await Assertions.Expect(page.Locator("#updates-table")).ToContainTextAsync("provider@demo");
            await page.FillAsync("#lesson", "Sending the sheets weekly avoids the month-end rush.");
            await page.ClickAsync("#close-form button[type=submit]");
            await Assertions.Expect(page.Locator("#item-status")).ToContainTextAsync("closed");
            await Chromium.AssertAccessibleAsync(page, $"acm/actions/{item} closed");

            // The approved statement, downloaded.
            await page.GotoAsync(app.BaseAddress + "providers/WF01");
            await page.ClickAsync($"#statements-table >> text=Statement {approved}");
            await Chromium.AssertAccessibleAsync(page, $"payments/{approved}");
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=Download as CSV"));
            var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
            Assert.Equal(string.Join(",", PaymentStatement.Header), csv[0]);
            Assert.True(csv.Length > 2);

            // A month of attendance with two bad rows: kept, the two held back and listed.
            await page.GotoAsync(app.BaseAddress + "providers/WF01/services");
            await Chromium.AssertAccessibleAsync(page, "providers/WF01/services");
            var rows = string.Concat(Enumerable.Range(0, 60).Select(i => string.Create(CultureInfo.InvariantCulture, $"WF01,S20241104,WPX{i:D3},2024-11-04,1,{(i < 12 ? "Y" : "N")}\n")));
            await page.FillAsync("#Period", "2024-11");
            await page.SetInputFilesAsync("#files", new FilePayload
            {
                Name = "attendance.csv", MimeType = "text/csv",
                Buffer = System.Text.Encoding.UTF8.GetBytes("provider_id,session_id,client_id,session_date,session_number,attended\n" + rows
                    + "WF02,S20241104,WPX900,2024-11-04,1,Y\nWF01,S20241105,WPX901,2024-11-31,1,Y\n"),
            });
            await page.ClickAsync("#services-form button[type=submit]");
            await Assertions.Expect(page.Locator("#outcome")).ToContainTextAsync("62 rows read, 60 kept, 2 held back");
            await page.ClickAsync("#outcome >> text=rows held back");
            await Chromium.AssertAccessibleAsync(page, "providers/WF01/services/{id}");
            Assert.Equal(2, await page.Locator("#problems-table tbody tr").CountAsync());
            Assert.Contains("WF02", await page.InnerTextAsync("#problems-table"), StringComparison.Ordinal);

            // Another provider's everything, by guessed and sequential ids: not found.
            foreach (var path in new[]
            {
                "providers/WF02", "providers/WF02/services", "providers/WF02/frontline", "providers/WF02/peers", $"acm/actions/{otherItem}", $"acm/actions/{otherItem}?handler=Export&format=csv",
                $"payments/{otherStatement}", $"payments/{otherStatement}?handler=Csv", $"payments/{draft}", $"payments/{draft}?handler=Excel", "acm/dashboards/contracts/WF02-2024",
            })
            {
                Assert.Equal(404, (await page.GotoAsync(app.BaseAddress + path))!.Status);
            }
        }
    }
}
