using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Governance.Disclosure;
using Tessera.Storage.Access;
using Tessera.Storage.Metrics;
using Tessera.Web.Pages.Metrics;

namespace Tessera.Web.Infrastructure;

/// <summary>
/// <c>GET /api/metrics/ID/results[?by=GROUP&amp;from=YYYY-MM-DD&amp;to=YYYY-MM-DD]</c> with a service token:
/// the latest run's results for a dashboard or BI tool, through the same small-cell suppression as
/// the pages and CSV exports (a token is never a person-level user). 401 without a valid token, 403
/// for a metric on a source outside the token's scope, 404 for an unknown metric, 409 before the
/// metric's first run. Example answer:
/// <c>{"metric":"wioa-employment-q2","version":1,"run":12,"data_end":"2025-12-31","group":"provider_id",
/// "results":[{"group_value":"WF01","period_start":"2024-01-01","period_end":"2024-03-31","numerator":null,
/// "denominator":null,"value":null,"suppressed":"small_cell"}, …]}</c>.
/// </summary>
public static class MetricsApi
{
    /// <summary>Maps the endpoint.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/metrics/{id}/results", ResultsAsync).WithTags("Metrics").WithSummary("The latest run's results of a metric, small cells suppressed.");
    }

    private static async Task<IResult> ResultsAsync(string id, HttpContext context, WorkspaceAccess workspaces)
    {
        var (caller, problem) = await ServiceCaller.AuthenticateAsync(context, workspaces, "metrics API", "metric results");
        if (caller is null)
        {
            return problem!;
        }

        var workspace = caller.Workspace;
        var entry = MetricCatalog.Load(workspace).FirstOrDefault(e => e.Definition.Id == id);
        if (entry is null)
        {
            return Results.Problem($"There is no metric '{id}'. `tessera metrics list` shows the catalogue.", statusCode: StatusCodes.Status404NotFound);
        }

        try
        {
            caller.Permit(Capability.ViewMetrics, AuditAction.Export, $"results of metric {id}", inScope: MetricAccess.Sees(caller.User, entry.Definition));
        }
        catch (AccessDeniedException)
        {
            return Results.Problem($"This token may read metrics on {string.Join(", ", caller.User.Scope.Sources)} only.", statusCode: StatusCodes.Status403Forbidden);
        }

        var by = context.Request.Query["by"].ToString() is { Length: > 0 } asked ? asked : "all";
        if (by != "all" && entry.Definition.GroupBy.All(g => g.Name != by))
        {
            return Results.Problem($"'{by}' is not a breakdown of {id}: use all or {string.Join(", ", entry.Definition.GroupBy.Select(g => g.Name))}.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!ApiQuery.TryDate(context, "from", out var from) || !ApiQuery.TryDate(context, "to", out var to))
        {
            return Results.Problem("Write from and to as YYYY-MM-DD, e.g. from=2024-01-01.", statusCode: StatusCodes.Status400BadRequest);
        }

        var metrics = new PublishedMetrics(workspace);
        if (metrics.LatestRun(id) is not { } run)
        {
            return Results.Problem($"'{id}' has not been computed yet: run `tessera metrics compute --metric {id}`.", statusCode: StatusCodes.Status409Conflict);
        }

        var published = metrics.Published(id, by, exact: false, from, to, run.Id);
        return Results.Json(new
        {
            metric = id,
            version = run.Version,
            run = run.Id,
            data_end = ApiQuery.Day(run.AsOf),
            group = by,
            results = published.Select(p => new
            {
                group_value = p.Result.GroupValue,
                period_start = ApiQuery.Day(p.Result.PeriodStart),
                period_end = ApiQuery.Day(p.Result.PeriodEnd),
                numerator = p.Numerator,
                denominator = p.Denominator,
                value = p.Value,
                suppressed = p.Hidden switch { Suppression.None => null, Suppression.SmallCell => "small_cell", _ => "complementary" },
            }),
        });
    }
}
