using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Tessera.Web.Identity;

namespace Tessera.Web.Infrastructure;

/// <summary>
/// Signs in a service account from its API token (<c>Authorization: Bearer tst_…</c>) with the
/// role and scope it was created with: a data partner limited to its sources, or a contract
/// manager's or provider's BI tool. Only the APIs accept it — a token never opens the pages, and a
/// session cookie never calls an API (no cross-site request can act in a signed-in user's name).
/// </summary>
internal sealed class ServiceTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, WorkspaceAccess workspaces, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ServiceToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // RFC 7235: the scheme is case-insensitive ("Bearer", "bearer", "BEARER").
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var account = workspaces.Current?.ServiceAccounts.Find(header.Parameter?.Trim() ?? "");
        if (account is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The token is unknown or revoked."));
        }

        var identity = TesseraClaims.Identity("service:" + account.Name, account.Role, account.Scope, "service account", clock.GetUtcNow().UtcDateTime, SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
