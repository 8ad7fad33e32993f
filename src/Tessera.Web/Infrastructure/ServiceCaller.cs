using Microsoft.AspNetCore.Authentication;
using Tessera.Governance.Audit;
using Tessera.Storage.Access;
using Tessera.Web.Identity;

namespace Tessera.Web.Infrastructure;

/// <summary>
/// The caller of an API endpoint that takes service tokens only: the workspace, the token's
/// account and the caller's address — or the problem to answer with (503 before the workspace
/// exists, 401 without a valid token; an unknown or revoked token is audited, and after
/// <see cref="FailureThrottle.PerMinute"/> of them in a minute from one address answered 429 and counted). A session cookie is
/// never enough, so no other site can call the API in a signed-in user's name.
/// </summary>
internal static class ServiceCaller
{
    /// <summary>Authenticates the request's bearer token.</summary>
    /// <param name="context">The request.</param>
    /// <param name="workspaces">The served workspace.</param>
    /// <param name="api">The API's name in the audit log, e.g. "delivery API".</param>
    /// <param name="purpose">The purpose recorded with the token's accesses and a refused sign-in, e.g. "automated delivery".</param>
    /// <returns>The token's account as a <see cref="Caller"/> (purpose <paramref name="purpose"/>), or the problem to answer with.</returns>
    public static async Task<(Caller? Caller, IResult? Problem)> AuthenticateAsync(HttpContext context, WorkspaceAccess workspaces, string api, string purpose)
    {
        var authenticated = await context.AuthenticateAsync(ServiceTokenHandler.SchemeName);
        var workspace = workspaces.Current;
        if (workspace is null)
        {
            return (null, Results.Problem("The workspace is not initialised.", statusCode: StatusCodes.Status503ServiceUnavailable));
        }

        var origin = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!authenticated.Succeeded)
        {
            var throttle = context.RequestServices.GetRequiredService<FailureThrottle>();
            if (authenticated.Failure is not null && throttle.Fail(new AuditEvent("unknown service account", AuditAction.SignIn, api, purpose, origin, AuditOutcome.Denied)))
            {
                context.Response.Headers.RetryAfter = "60";
                return (null, Results.Problem("Too many failed attempts from this address; wait a minute.", statusCode: StatusCodes.Status429TooManyRequests));
            }

            return (null, Results.Problem("Send a valid service token: Authorization: Bearer tst_…", statusCode: StatusCodes.Status401Unauthorized));
        }

        return (new Caller(workspace, TesseraClaims.User(authenticated.Principal!), purpose, origin), null);
    }

    /// <summary>
    /// An endpoint filter for a group of API endpoints that take service tokens: authenticates
    /// once (as <see cref="AuthenticateAsync"/>) and hands the <see cref="Caller"/> to the
    /// endpoints through <see cref="Of"/>, or answers with the problem.
    /// </summary>
    public static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> Filter(string api, string purpose) => async (invocation, next) =>
    {
        var context = invocation.HttpContext;
        var (caller, problem) = await AuthenticateAsync(context, context.RequestServices.GetRequiredService<WorkspaceAccess>(), api, purpose);
        if (caller is null)
        {
            return problem;
        }

        context.Items[typeof(Caller)] = caller;
        return await next(invocation);
    };

    /// <summary>The caller <see cref="Filter"/> authenticated for this request.</summary>
    public static Caller Of(HttpContext context) =>
        context.Items[typeof(Caller)] as Caller ?? throw new InvalidOperationException("The endpoint is not behind ServiceCaller.Filter.");
}
