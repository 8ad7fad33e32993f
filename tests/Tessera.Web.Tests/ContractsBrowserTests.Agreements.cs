using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Playwright;

namespace Tessera.Web.Tests;

/// <summary>
/// Agreements and releases in a real browser over the demo county: an administrator drafts a data
/// use licence and records the community consultation and the review body's approval, both data
/// partners approve it as their agencies, the analyst builds a de-identified release under it and
/// downloads it, and the public transparency page lists the project to anyone; every page passes
/// axe-core.
/// </summary>
public sealed partial class ContractsBrowserTests
{
    [SkippableFact]
    public async Task An_administrator_drafts_a_licence_both_partners_approve_and_the_analyst_downloads_a_de_identified_release()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var year = DateTime.UtcNow.Year;
            var admin = await browser.NewPageAsync();
            await Chromium.SignInAsync(admin, app.BaseAddress, "admin@demo");
            await admin.GotoAsync(app.BaseAddress + "agreements");
            await Chromium.AssertAccessibleAsync(admin, "agreements");
            await Assertions.Expect(admin.Locator("tr[data-agreement='dul-shelter-to-work'] [data-status]")).ToHaveTextAsync("active"); // the demo's own licence
            await admin.ClickAsync("text=Draft a data use licence");
            await Chromium.AssertAccessibleAsync(admin, "agreements/new");
            await admin.FillAsync("#id", "dul-housing-work");
            await admin.FillAsync("#licensee", "analyst@demo");
            await admin.FillAsync("#project", "housing-and-work");
            await admin.FillAsync("#purpose", "Are people housed after shelter more often in work?");
            await admin.FillAsync("#questions", "Employment a year after exit\nWages a year after exit");
            await admin.ClickAsync("label[for='file-homelessness-Client']");
            await admin.ClickAsync("label[for='file-homelessness-Exit']");
            await admin.ClickAsync("label[for='file-workforce-participants']");
            await admin.FillAsync("#start", $"{year}-01-01");
            await admin.FillAsync("#end", $"{year - 1}-12-31"); // before the start: refused
            await admin.ClickAsync("#licence-form button[type=submit]");
            await Assertions.Expect(admin.Locator("#problems")).ToContainTextAsync("before the first day");
            await Chromium.AssertAccessibleAsync(admin, "agreements/new with problems");
            await admin.FillAsync("#end", $"{year + 1}-12-31");
            await admin.FillAsync("#destroy", $"{year + 2}-03-31");
            await admin.ClickAsync("#licence-form button[type=submit]");
            await Assertions.Expect(admin).ToHaveURLAsync(app.BaseAddress + "agreements/dul-housing-work");
            await Assertions.Expect(admin.Locator("#status")).ToHaveTextAsync("draft");
            await Chromium.AssertAccessibleAsync(admin, "agreements/dul-housing-work");
            await admin.ClickAsync("#consult");
            await Assertions.Expect(admin.Locator("#consultation")).ToContainTextAsync("consulted on");
            await admin.ClickAsync("[data-approve='review-body']");
            await Assertions.Expect(admin.Locator("tr[data-party='review-body'] td").First).Not.ToHaveTextAsync("awaiting");

            // Each data partner approves as its own agency only.
            foreach (var (user, party) in new[] { ("hmis-lead@demo", "homelessness"), ("workforce-data@demo", "workforce") })
            {
                var partner = await browser.NewPageAsync();
                await Chromium.SignInAsync(partner, app.BaseAddress, user);
                await partner.GotoAsync(app.BaseAddress + "agreements/dul-housing-work");
                await Chromium.AssertAccessibleAsync(partner, $"agreements/dul-housing-work as {party}");
                Assert.Equal(1, await partner.Locator("[data-approve]").CountAsync());
                await partner.ClickAsync($"[data-approve='{party}']");
                await Assertions.Expect(partner.Locator($"tr[data-party='{party}'] td").First).ToHaveTextAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                await partner.CloseAsync();
            }

            await admin.ReloadAsync();
            await Assertions.Expect(admin.Locator("#status")).ToHaveTextAsync("active");

            // The analyst builds a de-identified release under it and downloads it.
            var analyst = await browser.NewPageAsync();
            await Chromium.SignInAsync(analyst, app.BaseAddress, "analyst@demo");
            await analyst.GotoAsync(app.BaseAddress + "releases");
            await Chromium.AssertAccessibleAsync(analyst, "releases");
            await analyst.ClickAsync("[data-build='dul-housing-work']");
            await Assertions.Expect(analyst).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/releases/[0-9]+$"));
            await Chromium.AssertAccessibleAsync(analyst, "releases/ID");
            Assert.Equal(3, await analyst.Locator("#files tbody tr").CountAsync());
            var smallest = await analyst.Locator("tr[data-file='workforce.participants'] [data-smallest]").GetAttributeAsync("data-smallest");
            Assert.True(int.Parse(smallest!, CultureInfo.InvariantCulture) >= 11, $"smallest class {smallest}");
            var download = await analyst.RunAndWaitForDownloadAsync(() => analyst.ClickAsync("#download"));
            using (var zip = ZipFile.OpenRead((await download.PathAsync())!))
            {
                var names = zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToList();
                Assert.Equal(["homelessness.Client.csv", "homelessness.Client.parquet", "homelessness.Exit.csv", "homelessness.Exit.parquet", "manifest.json", "workforce.participants.csv", "workforce.participants.parquet"], names);
                using var manifest = await JsonDocument.ParseAsync(zip.GetEntry("manifest.json")!.Open());
                Assert.Equal("dul-housing-work", manifest.RootElement.GetProperty("dul").GetString());
                Assert.Equal("deidentified", manifest.RootElement.GetProperty("level").GetString());
                using var participants = new StreamReader(zip.GetEntry("workforce.participants.csv")!.Open());
                Assert.Equal("person,birth_date,gender,race,ethnicity,zip", await participants.ReadLineAsync());
            }

            await analyst.GotoAsync(app.BaseAddress + "releases");
            await Assertions.Expect(analyst.Locator("#releases-table")).ToContainTextAsync("by analyst@demo");

            // Anyone, signed in or not, sees the project on the public page.
            var visitor = await browser.NewPageAsync();
            await visitor.GotoAsync(app.BaseAddress + "transparency");
            await Chromium.AssertAccessibleAsync(visitor, "transparency");
            var project = visitor.Locator("[data-project='housing-and-work']");
            await Assertions.Expect(project).ToContainTextAsync("Are people housed after shelter more often in work?");
            await Assertions.Expect(project).ToContainTextAsync("analyst@demo");
            await Assertions.Expect(project).ToContainTextAsync("community advisory team was consulted");
            Assert.True(await visitor.Locator("#results tbody tr").CountAsync() >= 2, "the demo's private results");
            await Assertions.Expect(visitor.Locator("#budgets")).ToContainTextAsync("homelessness");
        }
    }
}
