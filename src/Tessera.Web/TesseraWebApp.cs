using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;
using Tessera.Web.Identity;
using Tessera.Web.Infrastructure;
using Tessera.Web.Sessions;

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
        StartEnoughThreads();
        var builder = WebApplication.CreateBuilder(args);
        // The host's settings (workspace folder, address, demo users) first: what follows reads them.
        configure?.Invoke(builder);
        builder.Services.AddRazorPages(pages => pages.Conventions.ConfigureFilter(new ServiceFilterAttribute(typeof(AccessPageFilter))))
            .AddApplicationPart(typeof(TesseraWebApp).Assembly);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<RequestAccess>();
        builder.Services.AddScoped<AccessPageFilter>();
        builder.Services.AddSingleton(TimeProvider.System);
        var identity = builder.Configuration.GetSection(IdentityOptions.Section).Get<IdentityOptions>() ?? new IdentityOptions();
        if (identity.Production && identity.DemoUsers)
        {
            throw new InvalidOperationException("Demo users cannot be switched on in production (Tessera:Identity:Production and Tessera:Identity:DemoUsers are both set); remove one.");
        }

        builder.Services.AddOptions<IdentityOptions>().Bind(builder.Configuration.GetSection(IdentityOptions.Section));
        var workspaceOptions = builder.Configuration.GetSection(WorkspaceOptions.Section).Get<WorkspaceOptions>() ?? new WorkspaceOptions();
        var cookies = CookieNames.For(workspaceOptions.Workspace);
        AddKeys(builder.Services, workspaceOptions.Workspace);
        builder.Services.AddAntiforgery(options => options.Cookie.Name = cookies.Forms);
        builder.Services.AddSingleton<WebSessions>();
        builder.Services.AddSingleton<FailureThrottle>();
        builder.Services.AddHostedService<FailureThrottleFlusher>();
        builder.Services.AddHostedService<RecomputeWorker>();
        AddSignIn(builder.Services, identity, cookies.Session);
        builder.Services.AddOptions<WorkspaceOptions>()
            .Bind(builder.Configuration.GetSection(WorkspaceOptions.Section));
        builder.Services.AddSingleton<WorkspaceCatalog>();
        builder.Services.AddSingleton<WorkspaceAccess>();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck<WorkspaceHealthCheck>("workspace", HealthStatus.Unhealthy);

        var app = builder.Build();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // Always, in development too: a developer's stack trace can hold a value from a delivered row.
        app.UseExceptionHandler("/Error");
        app.UseMiddleware<MethodFilterMiddleware>();
        // 403, 404 and the like get a page that says what happened (a browser shows nothing for an empty one).
        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot")),
        });
        app.UseRouting();
        app.UseAuthentication();
        app.MapHealthChecks("/health");
        app.MapRazorPages();
        DeliveryApi.Map(app);
        MetricsApi.Map(app);
        app.MapContractsApi();
        app.MapProvidersApi();
        app.MapPaymentsApi();
        app.MapManagementApi();
        app.MapOpenApi(); // /openapi/v1.json: the APIs' description for BI tools and client generators (no data in it)
        return app;
    }

    /// <summary>
    /// Sessions are cookies: HTTP-only, same-site strict, secure whenever the request is (always in
    /// production), ended after <see cref="IdentityOptions.IdleMinutes"/> without a request and
    /// <see cref="IdentityOptions.MaxHours"/> after sign-in whatever happens.
    /// </summary>
    /// <summary>
    /// Cookie and form-token keys live with the workspace, sealed by its master key, under the
    /// explicit application name "Tessera" (not the folder the server happened to start from). A
    /// folder that is not a workspace yet gets keys in memory: nobody can sign in there anyway.
    /// </summary>
    /// <summary>Threads the pool starts with, whatever the processor count.</summary>
    private const int MinimumThreads = 128;

    /// <summary>
    /// Requests read and write the stores with blocking calls (ADO.NET; the audit chain's group
    /// commit parks a request until its record is written). Once its minimum is busy the thread pool
    /// adds about one thread a second, so fifty people arriving at once on a two-core server waited
    /// seconds for a thread (PostgreSQL: p95 8 s at 50 users, 0.18 s with this; docs/benchmarks.md).
    /// </summary>
    private static void StartEnoughThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var completion);
        ThreadPool.SetMinThreads(Math.Max(workers, MinimumThreads), completion);
    }

    private static void AddKeys(IServiceCollection services, string workspace)
    {
        var keys = services.AddDataProtection().SetApplicationName("Tessera");
        if (!Storage.Workspaces.Workspace.Exists(workspace))
        {
            keys.UseEphemeralDataProtectionProvider();
            return;
        }

        services.AddOptions<KeyManagementOptions>().Configure<WorkspaceAccess, TimeProvider>((options, workspaces, clock) =>
        {
            options.XmlRepository = new WebKeyRing(workspaces, clock);
            options.XmlEncryptor = new WebKeySealer(workspaces);
        });
    }

    private static void AddSignIn(IServiceCollection services, IdentityOptions identity, string cookieName)
    {
        var authentication = services.AddAuthentication(options =>
        {
            options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        });
        authentication.AddScheme<AuthenticationSchemeOptions, ServiceTokenHandler>(ServiceTokenHandler.SchemeName, null);
        authentication.AddCookie(options =>
        {
            options.Cookie.Name = cookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = identity.Production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(identity.IdleMinutes);
            options.SlidingExpiration = true;
            options.LoginPath = "/signin";
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            options.Events.OnRedirectToLogin = context =>
            {
                // Pages redirect to sign-in; downloads and htmx requests get a plain 401.
                var isPage = HttpMethods.IsGet(context.Request.Method) && !context.Request.Query.ContainsKey("handler") && !context.Request.Headers.ContainsKey("HX-Request");
                if (isPage)
                {
                    context.Response.Redirect(context.RedirectUri);
                }
                else
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }

                return Task.CompletedTask;
            };
            options.Events.OnValidatePrincipal = context => context.HttpContext.RequestServices.GetRequiredService<WebSessions>().ValidateAsync(context);
        });
        if (!string.IsNullOrEmpty(identity.OidcAuthority))
        {
            authentication.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, options =>
            {
                options.Authority = identity.OidcAuthority;
                options.ClientId = identity.OidcClientId;
                options.ClientSecret = identity.OidcClientSecret;
                options.ResponseType = "code";
                options.UsePkce = true;
                options.SaveTokens = false;
                options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.Events.OnTokenValidated = context =>
                {
                    // The provider's claims become a Tessera session: name, role, scope; anything else is dropped.
                    var principal = context.Principal!;
                    var name = principal.FindFirst("preferred_username")?.Value ?? principal.FindFirst("email")?.Value ?? principal.Identity?.Name ?? "unknown";
                    var role = Enum.TryParse<Governance.Access.Role>(principal.FindFirst(identity.OidcRoleClaim)?.Value, out var parsed) ? parsed : Governance.Access.Role.Public;
                    var scope = Governance.Access.AccessScope.FromClaims(principal.FindAll(identity.OidcScopeClaim).Select(c => c.Value));
                    context.Principal = context.HttpContext.RequestServices.GetRequiredService<WebSessions>().Begin(name, role, scope, "operations", Storage.Sessions.SessionRecord.Oidc);
                    return Task.CompletedTask;
                };
            });
        }
    }
}
