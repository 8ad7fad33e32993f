using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Tessera.Web.Tests;

public sealed class DeliveryBrowserTests(IngestedAppFactory app) : IClassFixture<IngestedAppFactory>
{
    [SkippableFact]
    public async Task Intake_pages_render_charts_and_have_no_accessibility_violations()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await Chromium.SignInAsync(page, app.BaseAddress);
            var consoleErrors = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    consoleErrors.Add(message.Text);
                }
            };

            foreach (var path in new[] { "signin", "deliveries", "deliveries/1", $"deliveries/{app.ClinicDelivery}/quarantine", "dictionaries", "dictionaries/benefits", "deliveries/upload", "audit" })
            {
                var response = await page.GotoAsync(app.BaseAddress + path);
                Assert.True(response is { Ok: true }, path);
                if (path == "deliveries/1")
                {
                    await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.querySelector('canvas[data-chart]')) !== undefined");
                }

                var axe = await page.RunAxe();
                Assert.True(axe.Violations.Length == 0, path + ": " + string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length} nodes)")));
            }

            Assert.True(consoleErrors.Count == 0, string.Join("\n", consoleErrors));
        }
    }

    [SkippableFact]
    public async Task A_delivery_uploaded_in_the_browser_shows_progress_and_its_outcome()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await Chromium.SignInAsync(page, app.BaseAddress);
            await page.GotoAsync(app.BaseAddress + "deliveries/upload");
            await page.SelectOptionAsync("#Source", "clinic");
            await page.FillAsync("#Period", "2024-08");
            await page.SetInputFilesAsync("#files", new FilePayload
            {
                Name = "patients.csv",
                MimeType = "text/csv",
                Buffer = "patient_id,first_name,dob,sex\nP7,Edsger,1930-05-11,M\n"u8.ToArray(),
            });
            await page.ClickAsync("form[data-upload-form] button[type=submit]");
            var outcome = page.Locator("[data-outcome]");
            await outcome.WaitForAsync();
            Assert.Equal("accepted", await outcome.GetAttributeAsync("data-outcome"));
            Assert.Equal("100", await page.EvalOnSelectorAsync<string>("[data-upload-progress]", "e => String(e.value)"));
        }
    }

    [SkippableTheory]
    [InlineData("admin@demo", "Overview|Inbox|Deliveries|Linkage|Dictionaries|Audit", "")]
    [InlineData("hmis-lead@demo", "Overview|Inbox|Deliveries|Dictionaries", "Linkage|Audit")]
    [InlineData("contracts@demo", "Overview|Dictionaries", "Inbox|Deliveries|Linkage|Audit")]
    [InlineData("analyst@demo", "Overview|Deliveries|Linkage|Dictionaries", "Inbox|Audit")]
    [InlineData("provider@demo", "Dictionaries", "Overview|Inbox|Deliveries|Linkage|Audit")]
    [InlineData("caseworker@demo", "Dictionaries", "Overview|Inbox|Deliveries|Linkage|Audit")]
    public async Task Each_demo_role_sees_only_its_own_pages(string user, string shown, string hidden)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await Chromium.SignInAsync(page, app.BaseAddress, user);
            var navigation = page.Locator("nav[aria-label='Primary navigation'] a.usa-nav-link");
            var links = await navigation.AllInnerTextsAsync();
            Assert.All(shown.Split('|'), name => Assert.Contains(name, links));
            Assert.All(hidden.Split('|', StringSplitOptions.RemoveEmptyEntries), name => Assert.DoesNotContain(name, links));

            if (user == "hmis-lead@demo")
            {
                // Another agency's delivery and quarantine: not found, and nothing of it shown.
                var response = await page.GotoAsync(app.BaseAddress + $"deliveries/{app.ClinicDelivery}/quarantine");
                Assert.Equal(404, response!.Status);
                response = await page.GotoAsync(app.BaseAddress + $"deliveries/{app.ClinicDelivery}");
                Assert.Equal(404, response!.Status);
                await page.GotoAsync(app.BaseAddress + "deliveries");
                Assert.DoesNotContain("benefits", await page.InnerTextAsync("main"), StringComparison.Ordinal);
            }
        }
    }
}
