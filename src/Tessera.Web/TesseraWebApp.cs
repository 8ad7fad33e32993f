using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;
using Tessera.Web.Infrastructure;

namespace Tessera.Web;

/// <summary>
/// Builds the Tessera web application. One place builds it whether it is started by
/// <c>tessera demo</c>, by <c>dotnet run --project src/Tessera.Web</c> or by a test host,
/// so all three serve exactly the same pages, headers and health check.
/// </summary>
public static class TesseraWebApp
{
    /// <summary>
    /// Creates the app. The workspace folder comes from configuration key <c>Tessera:Workspace</c>
    /// (command line <c>--Tessera:Workspace=DIR</c> or environment <c>Tessera__Workspace</c>);
    /// <paramref name="configure"/> lets a host adjust the builder (e.g. the listening address).
    /// </summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorPages()
            .AddApplicationPart(typeof(TesseraWebApp).Assembly);
        builder.Services.AddOptions<WorkspaceOptions>()
            .Bind(builder.Configuration.GetSection(WorkspaceOptions.Section));
        builder.Services.AddSingleton<WorkspaceCatalog>();
        builder.Services.AddSingleton<WorkspaceAccess>();
        builder.Services.AddHealthChecks().AddCheck<WorkspaceHealthCheck>("workspace", HealthStatus.Unhealthy);
        configure?.Invoke(builder);

        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot")),
        });
        app.UseRouting();
        app.MapHealthChecks("/health");
        app.MapRazorPages();
        return app;
    }
}
