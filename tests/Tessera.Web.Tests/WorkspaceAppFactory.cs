using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Tessera.Synthetic;

namespace Tessera.Web.Tests;

/// <summary>The real web app over a real (small) synthetic workspace, on a real Kestrel socket on 127.0.0.1.</summary>
public sealed class WorkspaceAppFactory : WebApplicationFactory<Tessera.Web.Infrastructure.WorkspaceCatalog>
{
    public WorkspaceAppFactory()
    {
        Workspace = Path.Combine(Path.GetTempPath(), "tessera-web-" + Guid.NewGuid().ToString("N"));
        new CountyGenerator(new SynthOptions { People = 2000, Seed = 11, Months = 6 }).Generate(Path.Combine(Workspace, "incoming"));
        UseKestrel(0);
        StartServer();
    }

    public string Workspace { get; }

    /// <summary>The base address the browser should open, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Tessera:Workspace", Workspace);
        builder.UseSetting("urls", "http://127.0.0.1:0");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(Workspace))
        {
            Directory.Delete(Workspace, recursive: true);
        }
    }
}
