using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Tessera.Web.Tests;

/// <summary>
/// The real web app on a real Kestrel socket on 127.0.0.1, serving the workspace folder a
/// subclass prepares in <see cref="Root"/>; the folder is removed with the factory.
/// </summary>
public abstract class KestrelAppFactory : WebApplicationFactory<Tessera.Web.Infrastructure.WorkspaceCatalog>
{
    protected KestrelAppFactory()
    {
        Root = Directory.CreateTempSubdirectory("tessera-web-").FullName;
    }

    /// <summary>Temporary folder holding the workspace (and anything else the fixture writes).</summary>
    public string Root { get; }

    /// <summary>The workspace folder the app serves.</summary>
    public abstract string Folder { get; }

    /// <summary>The base address the browser should open, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>
    /// An HTTP client signed in as the demo user <paramref name="user"/> through the real sign-in
    /// form; its cookies are kept in <paramref name="cookies"/> when given.
    /// </summary>
    public async Task<HttpClient> SignedIn(string user = "admin@demo", bool followRedirects = true, System.Net.CookieContainer? cookies = null)
    {
        var client = NewClient(followRedirects, cookies);
        var token = await AntiForgeryToken(client, "/signin");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Purpose"] = "operations", ["__RequestVerificationToken"] = token,
        });
        var response = await client.PostAsync(new Uri("/signin?handler=Demo", UriKind.Relative), form);
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == System.Net.HttpStatusCode.Redirect, $"sign-in as {user} failed: {(int)response.StatusCode} {response.Headers.Location} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>A client over the real socket with its own cookies (the factory's clients follow redirects whatever their options say).</summary>
    public HttpClient NewClient(bool followRedirects = true, System.Net.CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = true, CookieContainer = cookies ?? new System.Net.CookieContainer() }) { BaseAddress = BaseAddress };

    /// <summary>The anti-forgery token of the form on <paramref name="path"/>.</summary>
    public static async Task<string> AntiForgeryToken(HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"");
        Assert.True(match.Success, $"no anti-forgery token on {path}");
        return match.Groups[1].Value;
    }

    /// <summary>Starts the server; call at the end of the subclass's constructor, once the workspace exists.</summary>
    protected void Start()
    {
        UseKestrel(0);
        StartServer();
    }

    /// <summary>True (the default) when the app lets the demo users sign in, as <c>tessera demo</c> does.</summary>
    protected virtual bool DemoUsers => true;

    /// <summary>How often the app's worker computes queued metrics; 0 (the default here) turns it off, so tests that open the workspace themselves never meet a computation.</summary>
    protected virtual int RecomputeSeconds => 0;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Tessera:Workspace", Folder);
        builder.UseSetting("Tessera:Identity:DemoUsers", DemoUsers ? "true" : "false");
        builder.UseSetting("Tessera:RecomputeSeconds", RecomputeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("urls", "http://127.0.0.1:0");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
