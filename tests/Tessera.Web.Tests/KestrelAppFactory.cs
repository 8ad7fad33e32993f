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

    /// <summary>Starts the server; call at the end of the subclass's constructor, once the workspace exists.</summary>
    protected void Start()
    {
        UseKestrel(0);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Tessera:Workspace", Folder);
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
