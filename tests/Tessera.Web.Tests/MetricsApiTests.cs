using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Tessera.Governance.Audit;
using Tessera.Storage.Metrics;
using Tessera.Storage.Workspaces;
using Tessera.Governance.Access;

namespace Tessera.Web.Tests;

/// <summary>
/// The metric results API a dashboard reads with a service token: suppressed like the pages, only
/// for metrics on the token's sources, audited.
/// </summary>
public sealed class MetricsApiTests : IDisposable
{
    private const string Metric = "hmis-exit-to-permanent-housing";

    private readonly IngestedAppFactory _app = new();

    [Fact]
    public async Task A_dashboard_reads_suppressed_results_of_metrics_on_its_own_sources()
    {
        string token;
        using (var workspace = Workspace.Open(_app.Folder))
        {
            new MetricStore(workspace).Compute(MetricCatalog.Find(MetricCatalog.Load(workspace), Metric), "tester@test", DateTime.UtcNow);
            token = workspace.ServiceAccounts.Create("coc-dashboard", Role.DataPartner, AccessScope.OfSources(["homelessness"]), "admin@test", DateTime.UtcNow);
        }

        using var client = _app.NewClient(followRedirects: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri($"/api/metrics/{Metric}/results", UriKind.Relative))).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync(new Uri($"/api/metrics/{Metric}/results?by=project", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("project", answer.RootElement.GetProperty("group").GetString());
        var results = answer.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.Contains(results, r => r.GetProperty("suppressed").GetString() == "small_cell"); // a small county: projects see few exits a month
        Assert.All(results, r =>
        {
            var denominator = r.GetProperty("denominator");
            if (r.GetProperty("suppressed").ValueKind == JsonValueKind.Null)
            {
                Assert.True(denominator.GetInt64() is 0 or > 10, r.ToString());
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, denominator.ValueKind);
                Assert.Equal(JsonValueKind.Null, r.GetProperty("numerator").ValueKind);
            }
        });

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/api/metrics/wioa-employment-q2/results", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/metrics/no-such-metric/results", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri($"/api/metrics/{Metric}/results?by=colour", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.GetAsync(new Uri("/api/metrics/hmis-returns-to-homelessness-12m/results", UriKind.Relative))).StatusCode);

        using var opened = Workspace.Open(_app.Folder);
        var audit = opened.Audit.Records();
        Assert.Contains(audit, r => r.Event.Actor == "service:coc-dashboard" && r.Event.Action == AuditAction.Export && r.Event.Target == $"results of metric {Metric}");
        Assert.Contains(audit, r => r.Event.Actor == "service:coc-dashboard" && r.Event.Target == "results of metric wioa-employment-q2" && r.Event.Outcome == AuditOutcome.Denied);
    }

    public void Dispose() => _app.Dispose();
}
