using System.Net;
using System.Net.Sockets;
using Tessera.Storage.Workspaces;
using Tessera.Web.Sessions;

namespace Tessera.Web.Tests;

/// <summary>
/// A session opens the server and workspace it was made on, while it lasts, and nothing else: the
/// outside probe's replay of a demo cookie on a production server, a copied cookie after sign-out,
/// a demo user on a server not started for a demo.
/// </summary>
public sealed class SessionSecurityTests(SessionSecurityTests.Servers servers) : IClassFixture<SessionSecurityTests.Servers>
{
    /// <summary>An initialised workspace served with or without demo users, or another app's workspace served again.</summary>
    public sealed class App : KestrelAppFactory
    {
        private readonly bool _demoUsers;
        private readonly string? _folder;

        public App(bool demoUsers, string? folder = null)
        {
            _demoUsers = demoUsers;
            _folder = folder;
            if (folder is null)
            {
                using (Workspace.Create(Folder, null, "tester@test", DateTime.UtcNow))
                {
                }
            }

            Start();
        }

        public override string Folder => _folder ?? Path.Combine(Root, "ws");

        protected override bool DemoUsers => _demoUsers;

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (!_demoUsers)
            {
                // As a real deployment: its organisation's provider (never reached here) signs people in.
                builder.UseSetting("Tessera:Identity:OidcAuthority", "https://login.example.gov/realms/ids");
                builder.UseSetting("Tessera:Identity:OidcClientId", "tessera");
            }
        }
    }

    /// <summary>Three servers, as on the probe's machine: a demo, a production server of another workspace, and a server without demo users on the demo's workspace.</summary>
    public sealed class Servers : IDisposable
    {
        public App Demo { get; } = new(demoUsers: true);

        public App Production { get; } = new(demoUsers: false);

        public App SameWorkspaceWithoutDemo { get; }

        public Servers() => SameWorkspaceWithoutDemo = new App(demoUsers: false, folder: Demo.Folder);

        public void Dispose()
        {
            SameWorkspaceWithoutDemo.Dispose();
            Production.Dispose();
            Demo.Dispose();
        }
    }

    [Fact]
    public async Task A_demo_session_replayed_on_another_workspaces_server_opens_nothing()
    {
        var session = await DemoSession();
        Assert.Equal(HttpStatusCode.OK, await Get(servers.Demo, "/audit", session));

        // The probe sent the same cookie to the other port; here it is also renamed to the other server's cookie name.
        Assert.Equal(HttpStatusCode.Redirect, await Get(servers.Production, "/audit", session));
        Assert.Equal(HttpStatusCode.Unauthorized, await Get(servers.Production, "/audit?handler=Csv", session));
        using var production = Workspace.Open(servers.Production.Folder);
        Assert.DoesNotContain(production.Audit.Records(), r => r.Event.Actor == "admin@demo");
    }

    [Fact]
    public async Task A_demo_session_is_refused_by_a_server_of_the_same_workspace_without_demo_users()
    {
        var session = await DemoSession();

        Assert.Equal(HttpStatusCode.Redirect, await Get(servers.SameWorkspaceWithoutDemo, "/audit", session));
        // Refused once, ended for good: the demo server does not take it back either.
        Assert.Equal(HttpStatusCode.Redirect, await Get(servers.Demo, "/audit", session));
    }

    [Fact]
    public async Task A_demo_user_cannot_sign_in_on_a_server_without_demo_users()
    {
        using var client = servers.Production.NewClient(followRedirects: false);
        var token = await KestrelAppFactory.AntiForgeryToken(client, "/signin"); // the organisation sign-in form's
        Assert.DoesNotContain("Demonstration users", await client.GetStringAsync(new Uri("/signin", UriKind.Relative)), StringComparison.Ordinal);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "admin@demo", ["Purpose"] = "operations", ["__RequestVerificationToken"] = token });

        var response = await client.PostAsync(new Uri("/signin?handler=Demo", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Demo users are switched off on this server", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/audit", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Tessera_serve_without_demo_users_refuses_them()
    {
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        var serving = Cli.TesseraCli.RunAsync(["serve", "--workspace", servers.Production.Folder, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], TextWriter.Null, TextWriter.Null, stop.Token);
        try
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            var html = await Eventually(() => client.GetStringAsync(new Uri("/signin", UriKind.Relative)));
            Assert.DoesNotContain("Demonstration users", html, StringComparison.Ordinal);
            Assert.DoesNotContain("admin@demo", html, StringComparison.Ordinal);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "admin@demo", ["Purpose"] = "operations" });

            var response = await client.PostAsync(new Uri("/signin?handler=Demo", UriKind.Relative), form);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/audit", UriKind.Relative))).StatusCode);
        }
        finally
        {
            await stop.CancelAsync();
            await serving;
        }
    }

    [Fact]
    public async Task After_sign_out_a_copy_of_the_cookie_opens_nothing()
    {
        var cookies = new CookieContainer();
        using var client = await servers.Demo.SignedIn(followRedirects: false, cookies: cookies);
        var copy = SessionCookie(servers.Demo, cookies);
        var token = await KestrelAppFactory.AntiForgeryToken(client, "/deliveries");
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(new Uri("/signout", UriKind.Relative), form)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, await Get(servers.Demo, "/deliveries", copy));
        Assert.Equal(HttpStatusCode.Unauthorized, await Get(servers.Demo, "/deliveries?handler=Csv", copy));
    }

    [Fact]
    public async Task Ending_a_users_sessions_from_the_command_line_ends_them_at_once()
    {
        var session = await DemoSession("contracts@demo");
        Assert.Equal(HttpStatusCode.OK, await Get(servers.Demo, "/", session));

        var code = await Cli.TesseraCli.RunAsync(["sessions", "end", "--user", "contracts@demo", "--workspace", servers.Demo.Folder], TextWriter.Null, TextWriter.Null);

        Assert.Equal(0, code);
        Assert.Equal(HttpStatusCode.Redirect, await Get(servers.Demo, "/", session));
    }

    [Fact]
    public async Task The_cookie_keys_are_kept_in_the_workspace_sealed_by_its_master_key()
    {
        await DemoSession();

        using var workspace = Workspace.Open(servers.Demo.Folder);
        var keys = workspace.WebKeys.All();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains(WebKeySealer.Element, xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal); // ASP.NET's plaintext key element
        });
    }

    /// <summary>A fresh demo session's cookie value on the demo server.</summary>
    private async Task<string> DemoSession(string user = "admin@demo")
    {
        var cookies = new CookieContainer();
        using var client = await servers.Demo.SignedIn(user, followRedirects: false, cookies: cookies);
        return SessionCookie(servers.Demo, cookies);
    }

    private static string SessionCookie(App app, CookieContainer cookies) =>
        cookies.GetCookies(app.BaseAddress).Single(c => c.Name == CookieNames.For(app.Folder).Session).Value;

    /// <summary>GETs <paramref name="path"/> on <paramref name="app"/> with the session value under every server's cookie name.</summary>
    private async Task<HttpStatusCode> Get(App app, string path, string session)
    {
        using var client = app.NewClient(followRedirects: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        var names = new[] { servers.Demo, servers.Production }.Select(a => CookieNames.For(a.Folder).Session).Distinct();
        request.Headers.Add("Cookie", string.Join("; ", names.Select(name => $"{name}={session}")));
        return (await client.SendAsync(request)).StatusCode;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> attempt)
    {
        for (var tries = 0; ; tries++)
        {
            try
            {
                return await attempt();
            }
            catch (HttpRequestException) when (tries < 100)
            {
                await Task.Delay(100);
            }
        }
    }
}
