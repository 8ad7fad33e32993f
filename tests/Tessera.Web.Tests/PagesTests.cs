using System.Net;

namespace Tessera.Web.Tests;

/// <summary>The pages and endpoints over HTTP (a real socket, no browser).</summary>
public sealed class PagesTests(WorkspaceAppFactory app) : IClassFixture<WorkspaceAppFactory>, IAsyncLifetime
{
    private HttpClient _http = null!;

    public async Task InitializeAsync() => _http = await app.SignedIn();

    public Task DisposeAsync()
    {
        _http.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Health_reports_healthy_when_the_workspace_exists()
    {
        var response = await _http.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Overview_lists_every_source_of_the_workspace()
    {
        var html = await _http.GetStringAsync(new Uri("/", UriKind.Relative));
        foreach (var source in new[] { "benefits", "child_care", "child_welfare", "homelessness", "workforce", "corrections", "provider_services" })
        {
            Assert.Contains($">{source}</a>", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(">truth</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_table_downloads_as_CSV()
    {
        var overview = await _http.GetStringAsync(new Uri("/?handler=Csv", UriKind.Relative));
        Assert.StartsWith("source,deliveries,first_month,last_month,files,bytes", overview, StringComparison.Ordinal);
        Assert.Contains("homelessness,6,2023-01,2023-06,6,", overview, StringComparison.Ordinal);
        var calendar = await _http.GetStringAsync(new Uri("/sources?handler=Csv", UriKind.Relative));
        Assert.Equal(1 + (6 * 6) + (7 * 6), calendar.Trim().Split('\n').Length); // six agencies' months, and each of seven providers' months
        Assert.Contains("provider_services,2023-01,2,", calendar, StringComparison.Ordinal);
        Assert.EndsWith(",WF07", calendar.Trim().Split('\n').Last(l => l.StartsWith("provider_services,2023-06,", StringComparison.Ordinal)).Trim(), StringComparison.Ordinal);
        var detail = await _http.GetStringAsync(new Uri("/sources/benefits?handler=Csv", UriKind.Relative));
        Assert.Contains("2023-01,members.csv,", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_source_is_not_found()
    {
        var response = await _http.GetAsync(new Uri("/sources/no-such-agency", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_assets_are_served_locally()
    {
        var response = await _http.GetAsync(new Uri("/", UriKind.Relative));
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        foreach (var asset in new[] { "/lib/uswds/css/uswds.min.css", "/lib/uswds/js/uswds.min.js", "/lib/chartjs/chart.umd.min.js", "/lib/htmx/htmx.min.js", "/js/site.js" })
        {
            Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(new Uri(asset, UriKind.Relative))).StatusCode);
        }
    }
}
