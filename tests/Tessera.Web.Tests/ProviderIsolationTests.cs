using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Tessera.Contracts.Management;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Access;
using Tessera.Storage.Management;
using Tessera.Storage.Payments;
using Tessera.Storage.Workspaces;

namespace Tessera.Web.Tests;

/// <summary>
/// Provider A (WF01) against provider B (FP01) on a running app: every page, export, statement,
/// meeting, action item, service delivery and API path of B's — by its real ids, by guessed ids and
/// by walking the ids in sequence — answers 403 or 404 with nothing of B's in the body, and every
/// attempt is in the audit log as refused.
/// </summary>
public sealed class ProviderIsolationTests(ProviderIsolationTests.Fixture app) : IClassFixture<ProviderIsolationTests.Fixture>
{
    /// <summary>Its own app: the test adds B's meeting, item and approved statement.</summary>
    public sealed class Fixture : IDisposable
    {
        public IngestedAppFactory App { get; } = new();

        public void Dispose() => App.Dispose();
    }

    [Fact]
    public async Task A_provider_reaches_nothing_of_another_provider_by_any_path_and_every_attempt_is_on_record()
    {
        long item, meeting, ownItem;
        string token;
        using (var workspace = Workspace.Open(app.App.Folder))
        {
            var admin = Caller.Operator(workspace);
            item = ActionItems.Add(admin, new NewActionItem("Review the dose of services", "Family Bridges", new DateOnly(2024, 5, 1), Contract: "FP01-2024")).Id;
            ownItem = ActionItems.Add(admin, new NewActionItem("Send the attendance sheets", "Pathways Works", new DateOnly(2024, 5, 1), Contract: "WF01-2024")).Id;
            meeting = Meetings.Schedule(admin, MeetingKind.CheckIn, null, "FP01-2024", new DateOnly(2024, 5, 2), "FP01 check-in").Id;
            var finance = new Caller(workspace, new AccessUser("finance@cw", Role.Finance, AccessScope.OfSources(["child_welfare"])), "payments", "test");
            PaymentRuns.Approve(finance, 2); // FP01's statement: approved, so only scope keeps it from WF01
            token = workspace.ServiceAccounts.Create("wf01-systems", Role.ProviderStaff, AccessScope.OfProviders(["WF01"]), "admin@test", DateTime.UtcNow);
        }

        var paths = new List<string>
        {
            "/providers/FP01", "/providers/FP01/scorecard", "/providers/FP01/scorecard?handler=Export&format=csv", "/providers/FP01/peers",
            "/providers/FP01/peers?handler=Export&format=xlsx", "/providers/FP01/post-exit", "/providers/FP01/post-exit?handler=Export&format=csv",
            "/providers/FP01/frontline", "/providers/FP01/frontline?handler=Export&format=csv", "/providers/FP01/services", "/providers/FP01/services?handler=Export&format=xlsx",
            "/contracts/FP01-2024", "/contracts/FP01-2024?handler=Csv", "/contracts/FP01-2024?handler=Csv&format=xlsx", "/contracts/FP01-2024/exhibit?handler=Word",
            "/contracts/FP01-2024/payments", "/contracts/FP01-2024/payments?handler=Csv", "/payments/2", "/payments/2?handler=Csv", "/payments/2?handler=Excel",
            "/acm/dashboards/contracts/FP01-2024", "/acm/dashboards/contracts/FP01-2024?handler=Export&format=csv", "/acm/dashboards/contracts/FP01-2024/equity",
            "/acm/dashboards/contracts/FP01-2024/equity?handler=Export&format=csv", "/acm/dashboards/programs/family-preservation",
            "/acm/roadmap/family-preservation",
            Id("/acm/actions/{0}", item), Id("/acm/actions/{0}?handler=Export&format=csv", item), Id("/acm/meetings/{0}", meeting), Id("/acm/meetings/{0}/packet", meeting),
            Id("/acm/meetings/{0}/packet?handler=Pdf", meeting), "/providers/NOBODY", "/providers/WF01/services/999999",
        };
        // Walking the numbers: every item, meeting, statement and delivery that is not WF01's.
        for (var n = 1; n <= 12; n++)
        {
            if (n != ownItem)
            {
                paths.Add(Id("/acm/actions/{0}", n));
            }

            paths.Add(Id("/acm/meetings/{0}", n));
            paths.Add(Id("/providers/WF01/services/{0}", n));
            if (n != 1)
            {
                paths.Add(Id("/payments/{0}", n)); // statement 1 is WF01's, but a draft: not found either
            }
        }

        paths.Add("/payments/1");
        using var client = await app.App.SignedIn("provider@demo", followRedirects: false);
        var failures = new List<string>();
        foreach (var path in paths)
        {
            var before = Refusals();
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden) || body.Contains("Family Bridges", StringComparison.Ordinal) || body.Contains("FP01-2024", StringComparison.Ordinal))
            {
                failures.Add($"GET {path}: {(int)response.StatusCode}");
            }
            else if (Refusals() <= before)
            {
                failures.Add($"GET {path}: {(int)response.StatusCode} but not on record");
            }
        }

        // Posting to B's item and meeting: refused, nothing written.
        foreach (var (path, form) in new[]
        {
            (Id("/acm/actions/{0}?handler=Comment", item), new Dictionary<string, string> { ["Comment"] = "guessing" }),
            (Id("/acm/actions/{0}?handler=Close", item), new Dictionary<string, string> { ["lesson"] = "guessing" }),
            ("/acm/actions?handler=Close", new Dictionary<string, string> { ["id"] = item.ToString(CultureInfo.InvariantCulture), ["lesson"] = "guessing" }),
            (Id("/acm/meetings/{0}?handler=Note", meeting), new Dictionary<string, string> { ["subject"] = "x", ["note"] = "guessing" }),
            ("/providers/FP01/services", new Dictionary<string, string> { ["Source"] = "provider_services", ["Period"] = "2024-03" }),
        })
        {
            var before = Refusals();
            var status = (int)(await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(form.Append(new("__RequestVerificationToken", await KestrelAppFactory.AntiForgeryToken(client, "/signin")))))).StatusCode;
            if (status is not (403 or 404) || Refusals() <= before)
            {
                failures.Add($"POST {path}: {status}{(Refusals() <= before ? ", not on record" : "")}");
            }
        }

        // The provider's token: its own provider's API answers, B's does not.
        using var system = app.App.NewClient(followRedirects: false);
        system.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await system.GetAsync(new Uri("/api/providers/WF01/performance", UriKind.Relative))).StatusCode);
        foreach (var path in new[] { "/api/providers/FP01/performance", "/api/providers/FP01/post-exit", "/api/contracts/FP01-2024", "/api/contracts/FP01-2024/performance", "/api/contracts/FP01-2024/statements", "/api/payments/2", "/api/acm/action-items?contract=FP01-2024" })
        {
            var response = await system.GetAsync(new Uri(path, UriKind.Relative));
            if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden) || (await response.Content.ReadAsStringAsync()).Contains("Family Bridges", StringComparison.Ordinal))
            {
                failures.Add($"API GET {path}: {(int)response.StatusCode}");
            }
        }

        using var upload = new MultipartFormDataContent { { new ByteArrayContent("provider_id,session_id,client_id,session_date,session_number,attended\nFP01,S1,C1,2024-03-04,1,Y\n"u8.ToArray()), "files", "attendance.csv" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await system.PostAsync(new Uri("/api/deliveries?source=provider_services&provider=FP01&period=2024-03", UriKind.Relative), upload)).StatusCode);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        using var opened = Workspace.Open(app.App.Folder);
        Assert.Empty(ActionItems.Updates(Caller.Operator(opened), item));
        Assert.True(ActionItems.Show(Caller.Operator(opened), item).IsOpen);
        Assert.Contains(opened.Audit.Records(), r => r.Event.Actor == "service:wf01-systems" && r.Event.Outcome == AuditOutcome.Denied && r.Event.Target == "delivery to provider_services by provider FP01");
        Assert.True(opened.Audit.Verify().IsIntact);
    }

    private static string Id(string format, long id) => string.Format(CultureInfo.InvariantCulture, format, id);

    private int Refusals()
    {
        using var workspace = Workspace.Open(app.App.Folder);
        return workspace.Audit.Records().Count(r => r.Event.Actor == "provider@demo" && r.Event.Outcome == AuditOutcome.Denied);
    }
}
