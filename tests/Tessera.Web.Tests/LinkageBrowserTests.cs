using Tessera.Governance.Audit;
using Tessera.Storage.Linking;
using Tessera.Storage.Workspaces;

namespace Tessera.Web.Tests;

/// <summary>The linkage pages in a real browser: charts, the review queue, a decision taken on the side-by-side page and applied by the next run.</summary>
public sealed class LinkageBrowserTests : IDisposable
{
    // Its own app: the test records a decision and links again, which other tests must not see.
    private readonly IngestedAppFactory _app = new();

    [SkippableFact]
    public async Task A_reviewer_compares_a_pair_side_by_side_and_the_next_run_applies_the_decision()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await Chromium.SignInAsync(page, _app.BaseAddress);
            var consoleErrors = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    consoleErrors.Add(message.Text);
                }
            };

            var response = await page.GotoAsync(_app.BaseAddress + "linkage");
            Assert.True(response is { Ok: true });
            await page.WaitForFunctionAsync("() => window.Chart && document.querySelectorAll('canvas[data-chart]').length > 3 && [...document.querySelectorAll('canvas[data-chart]')].every(c => Chart.getChart(c) !== undefined)");
            await Chromium.AssertAccessibleAsync(page, "linkage");

            await page.GotoAsync(_app.BaseAddress + "linkage/review");
            await Chromium.AssertAccessibleAsync(page, "linkage/review");
            var first = page.Locator("table a.usa-link[href^='/linkage/review/']").First;
            var href = await first.GetAttributeAsync("href");
            var item = long.Parse(href!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
            await first.ClickAsync();
            await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.querySelector('canvas[data-chart]')) !== undefined");
            await Chromium.AssertAccessibleAsync(page, "linkage/review/" + item);
            var sideBySide = await page.InnerTextAsync("table.tessera-side-by-side");
            Assert.Contains("given name", sideBySide, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\d{3}-?\d{2}-?\d{4}", sideBySide); // SSNs show their last four digits only

            await page.ClickAsync("label[for=decision-non-match]");
            await page.FillAsync("#note", "different mothers");
            await page.ClickAsync("form.usa-form button[type=submit]");
            await page.WaitForURLAsync(_app.BaseAddress + "linkage/review");
            Assert.Contains($"Item {item}: recorded as two different persons", await page.InnerTextAsync("main"), StringComparison.Ordinal);
            Assert.True(consoleErrors.Count == 0, string.Join("\n", consoleErrors));

            using var workspace = Workspace.Open(_app.Folder);
            var index = new PersonIndex(workspace.Vault);
            var decision = Assert.Single(index.Decisions());
            Assert.Equal(("admin@demo", LinkDecision.NonMatch, "different mothers"), (decision.Reviewer, decision.Decision, decision.Note));
            var audit = workspace.Audit.Records();
            Assert.Contains(audit, r => r.Event.Actor == "admin@demo" && r.Event.Target == $"identifiers of review item {item}");
            Assert.Contains(audit, r => r.Event.Actor == "admin@demo" && r.Event.Action == AuditAction.Decide && r.Event.Target == $"review item {item}: non_match");

            WorkspaceLinker.Run(workspace, "tester@test", new WorkspaceLinkOptions());
            var persons = index.Current();
            Assert.NotEqual(persons[decision.LeftRecord], persons[decision.RightRecord]);
            Assert.DoesNotContain(index.ReviewQueue(), q => q.LeftRecord == decision.LeftRecord && q.RightRecord == decision.RightRecord);

            // A person with several records, split on its page: the ticked record leaves for good.
            var person = persons.GroupBy(p => p.Value).First(g => g.Count() >= 2).Key;
            var records = index.RecordsOf(person);
            await page.GotoAsync(_app.BaseAddress + "linkage/persons/" + person);
            await Chromium.AssertAccessibleAsync(page, "linkage/persons/" + person);
            await page.ClickAsync("label[for=move-0]");
            await page.ClickAsync("form.usa-form button[type=submit]");
            Assert.Contains("will be a separate person from the next linkage run on", await page.InnerTextAsync("main"), StringComparison.Ordinal);
            Assert.Contains(workspace.Audit.Records(), r => r.Event.Actor == "admin@demo" && r.Event.Target == $"split of person {person}");
            WorkspaceLinker.Run(workspace, "tester@test", new WorkspaceLinkOptions());
            var after = index.Current();
            Assert.All(records.Skip(1), r => Assert.NotEqual(after[records[0]], after[r]));
        }
    }

    public void Dispose() => _app.Dispose();
}
