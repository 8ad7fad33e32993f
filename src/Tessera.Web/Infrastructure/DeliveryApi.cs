using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Intake.Delivering;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;

namespace Tessera.Web.Infrastructure;

/// <summary>
/// <c>POST /api/deliveries?source=NAME[&amp;period=YYYY-MM][&amp;provider=ID]</c> with the files as
/// multipart form data and a service token: the automated counterpart of the upload page. For a
/// source providers deliver themselves (<c>provider_services</c>), a provider's token sends its own
/// provider's rows (<c>provider</c> defaults to the token's one provider). Answers with the same
/// JSON as <c>tessera ingest --json</c>: 200 accepted or duplicate, 422 rejected, 401 without a
/// valid token, 403 for a source outside the token's scope, 413 above 4 GiB (the upload page's
/// limit, not Kestrel's default of 30 MB).
/// </summary>
public static class DeliveryApi
{
    /// <summary>Largest delivery accepted (4 GiB), as on the upload page; larger extracts go through <c>tessera ingest</c>.</summary>
    public const long MaxBytes = Pages.Deliveries.UploadModel.MaxUploadBytes;

    /// <summary>Maps the endpoint.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/deliveries", DeliverAsync).WithTags("Deliveries").WithSummary("Delivers a source's files (multipart/form-data; ?source=NAME[&period=YYYY-MM][&provider=ID], provider for a source providers deliver, defaulting to a provider token's own), as `tessera ingest --json` answers.");
    }

    private static async Task<IResult> DeliverAsync(HttpContext context, WorkspaceAccess workspaces, CancellationToken cancellationToken)
    {
        var (caller, problem) = await ServiceCaller.AuthenticateAsync(context, workspaces, "delivery API", "automated delivery");
        if (caller is null)
        {
            return problem!;
        }

        var source = context.Request.Query["source"].ToString();
        var byProvider = ServiceDeliveries.IsDeliveredByProviders(caller.Workspace, source);
        var provider = context.Request.Query["provider"].ToString() is { Length: > 0 } named ? named
            : byProvider && caller.User.Scope.Providers.Count == 1 ? caller.User.Scope.Providers.First() : "";
        try
        {
            if (byProvider)
            {
                ServiceDeliveries.Permit(caller, source, provider);
            }
            else
            {
                caller.Permit(Capability.Deliver, AuditAction.Ingest, "delivery to " + source, inScope: AccessPolicy.SeesSource(caller.User, source));
            }
        }
        catch (AccessDeniedException)
        {
            return Results.Problem(byProvider ? $"This token may send {source} for {(caller.User.Scope.Providers.Count == 0 ? "no provider" : string.Join(", ", caller.User.Scope.Providers))} only."
                : $"This token may deliver to {string.Join(", ", caller.User.Scope.Sources)} only.", statusCode: StatusCodes.Status403Forbidden);
        }

        if (!context.Request.HasFormContentType)
        {
            return Results.Problem("Send the delivery's files as multipart/form-data.", statusCode: StatusCodes.Status400BadRequest);
        }

        var tooLarge = Results.Problem($"The delivery is larger than {MaxBytes / (1L << 30)} GiB, the most the API accepts; split it into several deliveries or have an administrator ingest it with 'tessera ingest'.", statusCode: StatusCodes.Status413PayloadTooLarge);
        if (context.Request.ContentLength > MaxBytes)
        {
            return tooLarge;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBytes;
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxBytes }, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return tooLarge;
        }
        catch (InvalidDataException)
        {
            // The multipart reader's own limit (a part over MaxBytes) or a malformed body.
            return context.Request.ContentLength is null or > MaxBytes ? tooLarge : Results.Problem("The multipart/form-data body could not be read.", statusCode: StatusCodes.Status400BadRequest);
        }

        var period = context.Request.Query["period"].ToString();
        // Permitted (and on record) above, before the body was read.
        var outcome = await UploadedDelivery.IngestAsync(caller.Workspace, source, period, form.Files.ToList(), cancellationToken, byProvider ? provider : null);
        return Results.Text(JsonSerializer.Serialize(outcome), "application/json", statusCode: outcome.Status == DeliveryOutcome.Rejected ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
    }
}
