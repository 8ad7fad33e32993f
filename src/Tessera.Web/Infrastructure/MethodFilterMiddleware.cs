namespace Tessera.Web.Infrastructure;

/// <summary>
/// Refuses every HTTP method but GET, HEAD and POST with 405 before anything runs: TRACE, PUT,
/// DELETE and the rest reached pages that then rendered with nothing loaded (500s), and nothing in
/// Tessera needs them.
/// </summary>
internal sealed class MethodFilterMiddleware(RequestDelegate next)
{
    /// <summary>The methods Tessera answers.</summary>
    public const string Allowed = "GET, HEAD, POST";

    public Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsPost(method))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = Allowed;
        return Task.CompletedTask;
    }
}
