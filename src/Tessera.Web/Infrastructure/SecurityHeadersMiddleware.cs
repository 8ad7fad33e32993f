namespace Tessera.Web.Infrastructure;

/// <summary>
/// Headers every response carries: a content security policy without inline scripts (so an
/// injected value can never run), no framing (click-jacking), no MIME sniffing, no referrer — and
/// <c>Cache-Control: no-store</c> on everything but the static assets, so no page, CSV of persons,
/// quarantine or audit download stays in a browser's or proxy's cache.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (context.GetEndpoint() is not null || context.Response.StatusCode >= 400)
            {
                headers.CacheControl = "no-store";
            }

            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
