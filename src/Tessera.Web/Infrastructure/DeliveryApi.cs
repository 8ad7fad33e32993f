using System.Text.Json;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Intake.Delivering;

namespace Tessera.Web.Infrastructure;

/// <summary>
/// <c>POST /api/deliveries?source=NAME[&amp;period=YYYY-MM]</c> with the files as multipart form
/// data and a service token: the automated counterpart of the upload page. Answers with the same
/// JSON as <c>tessera ingest --json</c>: 200 accepted or duplicate, 422 rejected, 401 without a
/// valid token, 403 for a source outside the token's scope.
/// </summary>
public static class DeliveryApi
{
    /// <summary>Maps the endpoint.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/deliveries", DeliverAsync);
    }

    private static async Task<IResult> DeliverAsync(HttpContext context, WorkspaceAccess workspaces, CancellationToken cancellationToken)
    {
        var (caller, problem) = await ServiceCaller.AuthenticateAsync(context, workspaces, "delivery API", "automated delivery");
        if (caller is null)
        {
            return problem!;
        }

        var (workspace, user, origin) = caller;
        var source = context.Request.Query["source"].ToString();
        if (!AccessPolicy.Permits(user, Capability.Deliver, source))
        {
            workspace.Audit.Record(new AuditEvent(user.Name, "denied", "delivery to " + source, "automated delivery", origin, AuditOutcome.Denied));
            return Results.Problem($"This token may deliver to {string.Join(", ", user.Scope)} only.", statusCode: StatusCodes.Status403Forbidden);
        }

        if (!context.Request.HasFormContentType)
        {
            return Results.Problem("Send the delivery's files as multipart/form-data.", statusCode: StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        workspace.Audit.Record(new AuditEvent(user.Name, "ingest", "delivery to " + source, "automated delivery", origin, AuditOutcome.Allowed));
        var outcome = await UploadedDelivery.IngestAsync(workspace, source, context.Request.Query["period"].ToString(), form.Files.ToList(), cancellationToken);
        return Results.Text(JsonSerializer.Serialize(outcome), "application/json", statusCode: outcome.Status == DeliveryOutcome.Rejected ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
    }
}
