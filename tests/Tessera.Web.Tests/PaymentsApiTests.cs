using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Tessera.Governance.Access;
using Tessera.Storage.Workspaces;

namespace Tessera.Web.Tests;

/// <summary>
/// The payments API with service tokens: a contract manager's tool prepares, a finance officer's
/// approves what it saw; another agency's statements are not found; the roles decide the rest.
/// </summary>
public sealed class PaymentsApiTests : IDisposable
{
    private readonly IngestedAppFactory _app = new();
    private readonly Dictionary<string, string> _tokens = [];

    public PaymentsApiTests()
    {
        using var workspace = Workspace.Open(_app.Folder);
        _tokens["workforce-bi"] = workspace.ServiceAccounts.Create("workforce-bi", Role.ContractManager, AccessScope.OfSources(["workforce"]), "admin@test", DateTime.UtcNow);
        _tokens["workforce-finance"] = workspace.ServiceAccounts.Create("workforce-finance", Role.Finance, AccessScope.OfSources(["workforce"]), "admin@test", DateTime.UtcNow);
        _tokens["cw-finance"] = workspace.ServiceAccounts.Create("cw-finance", Role.Finance, AccessScope.OfSources(["child_welfare"]), "admin@test", DateTime.UtcNow);
        _tokens["wf01-bi"] = workspace.ServiceAccounts.Create("wf01-bi", Role.ProviderStaff, AccessScope.OfProviders(["WF01"]), "admin@test", DateTime.UtcNow);
    }

    [Fact]
    public async Task A_managers_tool_prepares_and_a_finance_officers_tool_approves_what_it_saw()
    {
        using var manager = Client("workforce-bi");
        var prepared = await manager.PostAsync(new Uri("/api/contracts/WF01-2024/statements?period=2024-Q2", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Created, prepared.StatusCode);
        using var statement = JsonDocument.Parse(await prepared.Content.ReadAsStringAsync());
        var id = statement.RootElement.GetProperty("statement").GetProperty("id").GetInt64();
        var total = statement.RootElement.GetProperty("statement").GetProperty("total").GetDecimal();
        Assert.Equal("service:workforce-bi", statement.RootElement.GetProperty("statement").GetProperty("prepared_by").GetString());
        Assert.Equal(25_000.00m, statement.RootElement.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("kind").GetString() == "base").GetProperty("amount").GetDecimal());
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync(new Uri($"/api/payments/{id}/approval?total={total:0.00}", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsync(new Uri("/api/contracts/WF01-2024/statements?period=2024-Q5", UriKind.Relative), null)).StatusCode);

        using var finance = Client("workforce-finance");
        Assert.Equal(HttpStatusCode.Conflict, (await finance.PostAsync(new Uri($"/api/payments/{id}/approval?total=1.00", UriKind.Relative), null)).StatusCode);
        var approved = await finance.PostAsync(new Uri($"/api/payments/{id}/approval?total={total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Contains("\"approved_by\":\"service:workforce-finance\"", await approved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await finance.PostAsync(new Uri($"/api/payments/{id}/approval?total={total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsync(new Uri("/api/contracts/WF01-2024/statements?period=2024-Q2", UriKind.Relative), null)).StatusCode);
        using var listed = JsonDocument.Parse(await manager.GetStringAsync(new Uri("/api/contracts/WF01-2024/statements", UriKind.Relative)));
        Assert.Equal([id, 1L], listed.RootElement.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("id").GetInt64()));
    }

    [Theory]
    [InlineData("cw-finance", "GET", "/api/payments/1", HttpStatusCode.NotFound)]
    [InlineData("cw-finance", "POST", "/api/payments/1/approval?total=25000.00", HttpStatusCode.NotFound)]
    [InlineData("workforce-finance", "GET", "/api/payments/2", HttpStatusCode.NotFound)]
    [InlineData("workforce-bi", "GET", "/api/contracts/FP01-2024/statements", HttpStatusCode.NotFound)]
    [InlineData("workforce-bi", "POST", "/api/contracts/FP01-2024/statements?period=2024-Q2", HttpStatusCode.NotFound)]
    [InlineData("wf01-bi", "GET", "/api/payments/1", HttpStatusCode.NotFound)] // its own contract's, but a draft: a provider sees approved statements only
    [InlineData("wf01-bi", "GET", "/api/contracts/WF01-2024/statements", HttpStatusCode.OK)]
    public async Task A_token_reaches_its_own_agencys_statements_only(string account, string method, string path, HttpStatusCode expected)
    {
        using var client = Client(account);

        var response = method == "GET" ? await client.GetAsync(new Uri(path, UriKind.Relative)) : await client.PostAsync(new Uri(path, UriKind.Relative), null);

        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain("FP01", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_who_prepared_a_statement_on_its_page_cannot_approve_it()
    {
        using var admin = await _app.SignedIn("admin@demo", followRedirects: false);
        using var prepare = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await KestrelAppFactory.AntiForgeryToken(admin, "/contracts/WF01-2024/payments"),
            ["Period"] = "2024-Q3",
        });
        var prepared = await admin.PostAsync(new Uri("/contracts/WF01-2024/payments", UriKind.Relative), prepare);
        Assert.Equal(HttpStatusCode.Redirect, prepared.StatusCode);
        var page = prepared.Headers.Location!.OriginalString;

        var shown = await admin.GetStringAsync(new Uri(page, UriKind.Relative));
        Assert.DoesNotContain("Approve this statement", shown, StringComparison.Ordinal);
        var total = System.Text.RegularExpressions.Regex.Match(shown, "<strong id=\"total\">\\$([0-9,.]+)</strong>").Groups[1].Value.Replace(",", "", StringComparison.Ordinal);
        using var approve = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await KestrelAppFactory.AntiForgeryToken(admin, page),
            ["Total"] = total,
        });
        var refused = await admin.PostAsync(new Uri(page + "?handler=Approve", UriKind.Relative), approve);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("another person approves it (two-person rule)", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("data-status=\"prepared\"", await admin.GetStringAsync(new Uri(page, UriKind.Relative)), StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();

    private HttpClient Client(string account)
    {
        var client = _app.NewClient(followRedirects: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[account]);
        return client;
    }
}
