using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;

namespace Tessera.Web.Infrastructure;

/// <summary>
/// Applies <see cref="AccessPolicy"/> to every page before its handler runs: anonymous users are
/// sent to sign in, signed-in users without the capability — the page's, and the handler's when it
/// declares one — get 403 and the refusal is audited. A
/// request for a handler the page does not have gets 405.
/// </summary>
internal sealed class AccessPageFilter(RequestAccess access) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var page = context.HandlerInstance.GetType();
        if (context.HandlerMethod is null && context.ActionDescriptor.HandlerMethods.Count > 0)
        {
            // A method or handler the page does not have (a POST to a page that only shows): it
            // would render with nothing loaded.
            var methods = context.ActionDescriptor.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
            if (methods.Contains("GET"))
            {
                methods.Add("HEAD");
            }

            context.HttpContext.Response.Headers.Allow = string.Join(", ", methods.Order(StringComparer.Ordinal));
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return;
        }

        if (page.GetCustomAttribute<OpenToAllAttribute>() is not null)
        {
            await next();
            return;
        }

        var requires = page.GetCustomAttribute<RequiresAttribute>();
        var handler = context.HandlerMethod?.MethodInfo.GetCustomAttribute<RequiresAttribute>();
        var user = access.User;
        if (requires is not null && AccessPolicy.Permits(user, requires.Capability) && (handler is null || AccessPolicy.Permits(user, handler.Capability)))
        {
            await next();
            return;
        }

        if (user.Role == Role.Public)
        {
            context.Result = new ChallengeResult();
            return;
        }

        access.Record(AuditAction.Denied, context.HttpContext.Request.Path.Value ?? "", AuditOutcome.Denied);
        context.Result = new ForbidResult();
    }
}
