using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Web.Identity;
using Tessera.Storage.Sessions;
using Tessera.Web.Infrastructure;
using Tessera.Web.Sessions;

namespace Tessera.Web.Pages.Account;

/// <summary>Sign-in: through the organisation's OpenID Connect provider, or — outside production — as one of the demo users.</summary>
[OpenToAll]
public sealed class SignInModel(IOptions<IdentityOptions> options, RequestAccess access, WebSessions sessions, FailureThrottle failures, WorkspaceAccess workspaces) : PageModel
{
    /// <summary>Where to go after signing in (a path in this app).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The demo user chosen.</summary>
    [BindProperty]
    public string? UserName { get; set; }

    /// <summary>Why the user signs in.</summary>
    [BindProperty]
    public string Purpose { get; set; } = TesseraClaims.Purposes[0];

    /// <summary>True when demo users may sign in (the server was started with <c>tessera demo</c> or <c>serve --demo-users</c>).</summary>
    public bool DemoUsersEnabled => options.Value.DemoUsersEnabled;

    /// <summary>True when an OpenID Connect provider is configured.</summary>
    public bool OidcEnabled => !string.IsNullOrEmpty(options.Value.OidcAuthority);

    /// <summary>What went wrong, if anything.</summary>
    public string? Problem { get; private set; }

    /// <summary>A demo staff user per registered provider (empty when demo users are off).</summary>
    public IReadOnlyList<DemoUser> ProviderUsers => _providerUsers ??= DemoUsersEnabled && workspaces.Current is { } workspace
        ? DemoUsers.ProviderStaff(Storage.Contracting.ProviderRegistry.Names(workspace))
        : [];

    private IReadOnlyList<DemoUser>? _providerUsers;

    /// <summary>Shows the choices.</summary>
    public void OnGet()
    {
    }

    /// <summary>Signs in as a demo user.</summary>
    public async Task<IActionResult> OnPostDemoAsync()
    {
        var user = DemoUsers.All.Concat(ProviderUsers).FirstOrDefault(u => string.Equals(u.Name, UserName, StringComparison.Ordinal));
        if (!DemoUsersEnabled || user is null || !TesseraClaims.Purposes.Contains(Purpose))
        {
            Problem = DemoUsersEnabled ? "Choose one of the demo users and a purpose." : "Demo users are switched off on this server (start it with 'tessera demo' or 'tessera serve --demo-users' for a demonstration); sign in with your organisation's account.";
            var origin = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var refused = new AuditEvent("anonymous", AuditAction.SignIn, "demo user " + (user?.Name ?? "unknown"), "none given", origin, AuditOutcome.Denied);
            if (failures.Fail(refused))
            {
                Response.Headers.RetryAfter = "60";
                Problem = "Too many failed sign-ins from your address; wait a minute and try again.";
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        HttpContext.User = sessions.Begin(user.Name, user.Role, user.Scope, Purpose, SessionRecord.Demo);
        access.Record(AuditAction.SignIn, "demo user", AuditOutcome.Allowed);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, HttpContext.User);
        return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Landing(access.User));
    }

    /// <summary>After signing in through the organisation's provider: on to the user's landing page.</summary>
    public IActionResult OnGetLanding() => access.User.Role == Role.Public ? Redirect("/signin") : LocalRedirect(Landing(access.User));

    /// <summary>
    /// Straight to a page the role may open: the overview; a provider's home for staff of one
    /// provider; or else the dictionaries.
    /// </summary>
    public static string Landing(AccessUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return AccessPolicy.Permits(user, Capability.ViewOverview) ? "/"
            : user.Role == Role.ProviderStaff && user.Scope.Providers.Count == 1 ? "/providers/" + Uri.EscapeDataString(user.Scope.Providers.First())
            : user.Role == Role.ProviderStaff ? "/providers"
            : "/dictionaries";
    }

    /// <summary>Starts sign-in at the OpenID Connect provider.</summary>
    public IActionResult OnPostOidc() =>
        OidcEnabled ? Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl }, OpenIdConnectDefaults.AuthenticationScheme) : NotFound();

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/signin?handler=Landing";
}
