using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Tessera.Governance.Access;
using Tessera.Storage.Sessions;
using Tessera.Web.Identity;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Sessions;

/// <summary>
/// Signs people in and out, and decides on every request whether a session cookie still stands.
/// A cookie names a session the server keeps (<see cref="SessionStore"/>) on one workspace; it
/// stands only while that session is active, on that workspace, within the absolute limit, and —
/// for a demo user — only on a server started for a demo.
/// </summary>
public sealed class WebSessions(WorkspaceAccess workspaces, IOptions<IdentityOptions> options, TimeProvider clock, ILogger<WebSessions> logger)
{
    /// <summary>
    /// The principal for a new session of <paramref name="name"/>, recorded server-side;
    /// <paramref name="kind"/> is <see cref="SessionRecord.Demo"/> or <see cref="SessionRecord.Oidc"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The workspace is not initialised (there is nowhere to record the session).</exception>
    public ClaimsPrincipal Begin(string name, Role role, AccessScope scope, string purpose, string kind)
    {
        var workspace = workspaces.Current ?? throw new InvalidOperationException("The workspace is not initialised yet; run 'tessera init' first.");
        var now = clock.GetUtcNow().UtcDateTime;
        var session = workspace.Sessions.Begin(name, role.ToString(), kind, now);
        return new ClaimsPrincipal(TesseraClaims.Identity(name, role, scope, purpose, now, CookieAuthenticationDefaults.AuthenticationScheme, session, workspace.Id));
    }

    /// <summary>Ends the session of <paramref name="principal"/> server-side (the cookie is then worthless wherever it was copied).</summary>
    public void End(ClaimsPrincipal principal, string reason)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.FindFirstValue(TesseraClaims.Session) is { } session)
        {
            workspaces.Current?.Sessions.End(session, reason, clock.GetUtcNow().UtcDateTime);
        }
    }

    /// <summary>The cookie handler's check on every request; a refused session is signed out.</summary>
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var refusal = Refusal(context.Principal);
        if (refusal is not null)
        {
            logger.LogInformation("A session cookie was refused: {Reason}.", refusal);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>Why <paramref name="principal"/>'s session no longer stands, or null when it does.</summary>
    private string? Refusal(ClaimsPrincipal? principal)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var identity = options.Value;
        if (!long.TryParse(principal?.FindFirstValue(TesseraClaims.SignedIn), System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            || now - new DateTime(ticks, DateTimeKind.Utc) > TimeSpan.FromHours(identity.MaxHours))
        {
            return "past the absolute limit";
        }

        var workspace = workspaces.Current;
        if (workspace is null || principal!.FindFirstValue(TesseraClaims.Workspace) != workspace.Id)
        {
            return "opened on another workspace";
        }

        var id = principal.FindFirstValue(TesseraClaims.Session) ?? "";
        var session = workspace.Sessions.Find(id);
        if (session is not { IsActive: true } || session.Actor != principal.Identity?.Name)
        {
            return "ended";
        }

        if (session.Kind == SessionRecord.Demo && !identity.DemoUsersEnabled)
        {
            workspace.Sessions.End(id, "demo users are switched off on this server", now);
            return "a demo user on a server without demo users";
        }

        return null;
    }
}
