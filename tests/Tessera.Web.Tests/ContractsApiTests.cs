using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Intake.Delivering;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Metrics;
using Tessera.Storage.Workspaces;

namespace Tessera.Web.Tests;

/// <summary>
/// The contracts API a BI tool reads with a contract manager's or a provider's service token: the
/// same contracts, figures and refusals as the pages and <c>tessera contracts performance</c>, and
/// another agency's or provider's contract "not found" by any guessed id.
/// </summary>
public sealed class ContractsApiTests : IDisposable
{
    private readonly IngestedAppFactory _app = new();
    private readonly Dictionary<string, string> _tokens = [];

    public ContractsApiTests()
    {
        using var workspace = Workspace.Open(_app.Folder);
        foreach (var month in Directory.GetDirectories(Path.Combine(_app.Folder, "incoming", "workforce")).Order(StringComparer.Ordinal))
        {
            workspace.Ingest(new DeliveryRequest { Source = "workforce", Paths = [month] }, TimeProvider.System);
        }

        new MetricStore(workspace).Compute(MetricCatalog.Find(MetricCatalog.Load(workspace), "acm-training-completion"), "tester@test", DateTime.UtcNow);
        // The synthetic months are 2023's: a contract over them has figures.
        ContractRegistry.Import(Caller.Operator(workspace), [Contracts.Files.ContractingFile.Read("2023.yaml", """
            contracts:
              - id: WF01-2023
                agency: workforce
                provider: WF01
                program: job-training
                start: 2023-01-01
                end: 2023-12-31
                metrics: [{ metric: acm-training-completion, type: outcome, target: 0.5, watch: 0.05 }]
                payments:
                  base: 120000.00
                  withhold: { share: 0.10, earn_back_metric: acm-training-completion }
                  outcomes: [{ metric: acm-training-completion, rate: 1500.00 }]
                  cap: 60000.00
            """)], "test");
        _tokens["workforce-bi"] = workspace.ServiceAccounts.Create("workforce-bi", Role.ContractManager, AccessScope.OfSources(["workforce"]), "admin@test", DateTime.UtcNow);
        _tokens["wf01-bi"] = workspace.ServiceAccounts.Create("wf01-bi", Role.ProviderStaff, AccessScope.OfProviders(["WF01"]), "admin@test", DateTime.UtcNow);
        _tokens["hmis-nightly"] = workspace.ServiceAccounts.Create("hmis-nightly", Role.DataPartner, AccessScope.OfSources(["homelessness"]), "admin@test", DateTime.UtcNow);
    }

    [Theory]
    [InlineData("workforce-bi")]
    [InlineData("wf01-bi")]
    public async Task A_BI_tool_reads_its_own_contracts_with_the_figures_the_command_writes(string account)
    {
        using var client = Client(account);

        using var list = await Json(client, "/api/contracts");
        Assert.Equal(["WF01-2023", "WF01-2024"], list.RootElement.GetProperty("contracts").EnumerateArray().Select(c => c.GetProperty("id").GetString()));

        using var contract = await Json(client, "/api/contracts/WF01-2024");
        var metric = Assert.Single(contract.RootElement.GetProperty("metrics").EnumerateArray());
        Assert.Equal("acm-training-completion", metric.GetProperty("metric").GetString());
        Assert.Equal(0.5m, Assert.Single(metric.GetProperty("targets").EnumerateArray()).GetProperty("value").GetDecimal());
        Assert.Equal(1, Assert.Single(contract.RootElement.GetProperty("versions").EnumerateArray()).GetProperty("version").GetInt32());

        using var performance = await Json(client, "/api/contracts/WF01-2023/performance?from=2023-01-01&to=2023-12-31");
        var rows = performance.RootElement.GetProperty("rows").EnumerateArray().ToList();
        IReadOnlyList<PerformanceRow> expected;
        using (var workspace = Workspace.Open(_app.Folder))
        {
            expected = ContractRegistry.Performance(Caller.Operator(workspace), "WF01-2023", new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31));
        }

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, rows.Count);
        foreach (var (row, want) in rows.Zip(expected))
        {
            Assert.Equal(want.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.GetProperty("period_start").GetString());
            Assert.Equal(want.Denominator, row.GetProperty("denominator").ValueKind == JsonValueKind.Null ? null : row.GetProperty("denominator").GetInt64());
            Assert.Equal(want.Value, row.GetProperty("value").ValueKind == JsonValueKind.Null ? null : row.GetProperty("value").GetDouble());
            Assert.Equal(want.Band, row.GetProperty("band").GetString());
        }

        Assert.Equal(PerformanceRow.Header, rows[0].EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("workforce-bi", "/api/contracts/FP01-2024")]
    [InlineData("workforce-bi", "/api/contracts/FP01-2024/performance")]
    [InlineData("workforce-bi", "/api/contracts/FP09-2024")]
    [InlineData("wf01-bi", "/api/contracts/FP01-2024")]
    [InlineData("wf01-bi", "/api/contracts/FP01-2024/performance")]
    [InlineData("workforce-bi", "/api/acm/alerts?contract=FP01-2024")]
    [InlineData("wf01-bi", "/api/acm/action-items?contract=FP01-2024")]
    [InlineData("wf01-bi", "/api/providers/FP01/performance")]
    [InlineData("wf01-bi", "/api/providers/FP09/performance")]
    [InlineData("wf01-bi", "/api/providers/FP01/post-exit")]
    public async Task Another_agencys_or_providers_contract_is_not_found_through_the_API(string account, string path)
    {
        using var client = Client(account);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("FP01", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var workspace = Workspace.Open(_app.Folder);
        Assert.Contains(workspace.Audit.Records(), r => r.Event.Actor == "service:" + account && r.Event.Outcome == AuditOutcome.Denied && r.Event.Target.Contains("FP0", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("workforce-bi")]
    [InlineData("wf01-bi")]
    public async Task A_BI_tool_reads_the_alerts_and_action_items_of_its_own_contracts(string account)
    {
        using var client = Client(account);

        using var alerts = await Json(client, "/api/acm/alerts");
        Assert.All(alerts.RootElement.GetProperty("alerts").EnumerateArray(), a => Assert.StartsWith("WF01-", a.GetProperty("contract").GetString(), StringComparison.Ordinal));
        IReadOnlyList<Storage.Management.RaisedAlert> expected;
        using (var workspace = Workspace.Open(_app.Folder))
        {
            expected = Storage.Management.Alerts.List(Caller.Operator(workspace), contract: "WF01-2023");
        }

        using var own = await Json(client, "/api/acm/alerts?contract=WF01-2023");
        Assert.Equal(expected.Select(a => (a.Alert.Rule, a.Alert.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            own.RootElement.GetProperty("alerts").EnumerateArray().Select(a => (a.GetProperty("rule").GetString()!, a.GetProperty("period_start").GetString()!)));
        using var items = await Json(client, "/api/acm/action-items");
        Assert.Equal(JsonValueKind.Array, items.RootElement.GetProperty("action_items").ValueKind);
        using var delivery = Client("hmis-nightly");
        Assert.Equal(HttpStatusCode.Forbidden, (await delivery.GetAsync(new Uri("/api/acm/alerts", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_providers_own_system_reads_its_performance_on_every_contract_and_nothing_of_its_peers()
    {
        using var client = Client("wf01-bi");

        using var performance = await Json(client, "/api/providers/WF01/performance?from=2023-01-01&to=2023-12-31");

        var rows = performance.RootElement.GetProperty("rows").EnumerateArray().ToList();
        IReadOnlyList<PerformanceRow> expected;
        using (var workspace = Workspace.Open(_app.Folder))
        {
            expected = ContractRegistry.Performance(Caller.Operator(workspace), "WF01-2023", new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31));
        }

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, rows.Count); // WF01-2024 has no periods in 2023
        foreach (var (row, want) in rows.Zip(expected))
        {
            Assert.Equal("WF01-2023", row.GetProperty("contract").GetString());
            Assert.Equal(want.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.GetProperty("period").GetString());
            Assert.Equal(want.Value, row.GetProperty("value").ValueKind == JsonValueKind.Null ? null : row.GetProperty("value").GetDouble());
            Assert.Equal(want.Target, row.GetProperty("target").GetDecimal());
            Assert.Equal(want.Band, row.GetProperty("band").GetString());
            Assert.Equal(want.PeerMedian, row.GetProperty("peer_median").ValueKind == JsonValueKind.Null ? null : row.GetProperty("peer_median").GetDouble());
        }

        Assert.Equal(["contract", "metric", "period", "period_end", "value", "numerator", "denominator", "target", "band", "peer_median"], rows[0].EnumerateObject().Select(p => p.Name));
        using var all = await Json(client, "/api/providers/WF01/performance");
        Assert.All(all.RootElement.GetProperty("rows").EnumerateArray(), r => Assert.StartsWith("WF01-", r.GetProperty("contract").GetString(), StringComparison.Ordinal));
        Assert.True(all.RootElement.GetProperty("rows").GetArrayLength() >= rows.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/providers/WF02/performance", UriKind.Relative))).StatusCode);
        using (var postExit = await Json(client, "/api/providers/WF01/post-exit"))
        {
            Assert.Equal("WF01", postExit.RootElement.GetProperty("provider").GetString());
            Assert.Equal(JsonValueKind.Array, postExit.RootElement.GetProperty("outcomes").ValueKind); // no post-exit measure computed in this workspace
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri("/api/providers/WF01/performance?to=2023-02-30", UriKind.Relative))).StatusCode);
        using var delivery = Client("hmis-nightly");
        Assert.Equal(HttpStatusCode.Forbidden, (await delivery.GetAsync(new Uri("/api/providers/WF01/performance", UriKind.Relative))).StatusCode);
        using var workspaceAfter = Workspace.Open(_app.Folder);
        Assert.Contains(workspaceAfter.Audit.Records(), r => r.Event.Actor == "service:wf01-bi" && r.Event.Target == "scorecard of provider WF01" && r.Event.Outcome == AuditOutcome.Allowed);
    }

    [Fact]
    public async Task A_delivery_token_a_session_or_no_token_reads_no_contract()
    {
        using (var delivery = Client("hmis-nightly"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await delivery.GetAsync(new Uri("/api/contracts", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await delivery.GetAsync(new Uri("/api/contracts/WF01-2024", UriKind.Relative))).StatusCode);
        }

        using var session = await _app.SignedIn("contracts@demo", followRedirects: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync(new Uri("/api/contracts", UriKind.Relative))).StatusCode);
        using var anonymous = _app.NewClient(followRedirects: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/contracts/WF01-2024", UriKind.Relative))).StatusCode);
        using var contractManager = Client("workforce-bi");
        Assert.Equal(HttpStatusCode.BadRequest, (await contractManager.GetAsync(new Uri("/api/contracts/WF01-2024/performance?from=2024-13-01", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await contractManager.PostAsync(new Uri("/api/deliveries?source=workforce", UriKind.Relative), new MultipartFormDataContent())).StatusCode);
    }

    [Fact]
    public async Task A_contracts_page_shows_its_payment_terms()
    {
        using var client = await _app.SignedIn("contracts@demo", followRedirects: false);

        var page = await client.GetStringAsync(new Uri("/contracts/WF01-2023", UriKind.Relative));

        Assert.Contains("Paid by quarter; base $120,000.00 in equal parts", page, StringComparison.Ordinal);
        Assert.Contains("10% of the base withheld, earned back on acm-training-completion", page, StringComparison.Ordinal);
        Assert.Contains("$1,500.00 per person achieving acm-training-completion", page, StringComparison.Ordinal);
        Assert.Contains("Incentive capped at $60,000.00 per period", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_APIs_are_described_for_client_generators()
    {
        using var client = _app.NewClient(followRedirects: false);

        using var description = await Json(client, "/openapi/v1.json");

        var paths = description.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["/api/acm/action-items", "/api/acm/alerts", "/api/contracts", "/api/contracts/{contract}", "/api/contracts/{contract}/performance", "/api/contracts/{contract}/statements", "/api/deliveries", "/api/metrics/{id}/results", "/api/payments/{statement}", "/api/payments/{statement}/approval", "/api/providers/{provider}/performance", "/api/providers/{provider}/post-exit"], paths.Order(StringComparer.Ordinal));
        Assert.Equal("One contract with its metrics, targets (with their history) and versions.", description.RootElement.GetProperty("paths").GetProperty("/api/contracts/{contract}").GetProperty("get").GetProperty("summary").GetString());
    }

    public void Dispose() => _app.Dispose();

    private HttpClient Client(string account)
    {
        var client = _app.NewClient(followRedirects: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[account]);
        return client;
    }

    private static async Task<JsonDocument> Json(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
