using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;

namespace Tessera.Web.Infrastructure;

/// <summary>
/// Applies <see cref="AccessPolicy"/> to every page before its handler runs: anonymous users are
/// sent to sign in, signed-in users without the capability get 403 and the refusal is audited.
/// </summary>
internal sealed class AccessPageFilter(RequestAccess access) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var page = context.HandlerInstance.GetType();
        if (page.GetCustomAttribute<OpenToAllAttribute>() is not null)
        {
            await next();
            return;
        }

        var requires = page.GetCustomAttribute<RequiresAttribute>();
        var user = access.User;
        if (requires is not null && AccessPolicy.Permits(user, requires.Capability))
        {
            await next();
            return;
        }

        if (user.Role == Role.Public)
        {
            context.Result = new ChallengeResult();
            return;
        }

        access.Record("denied", context.HttpContext.Request.Path.Value ?? "", AuditOutcome.Denied);
        context.Result = new ForbidResult();
    }
}
