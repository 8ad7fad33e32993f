using Tessera.Storage.Management;

namespace Tessera.Web.Infrastructure;

/// <summary>
/// Active contract management for dashboards and BI tools, with a contract manager's or
/// provider's service token:
/// <list type="bullet">
/// <item><c>GET /api/acm/alerts[?contract=ID][&amp;program=P]</c>: the alerts, under the names of
/// <c>tessera acm alerts --format csv</c>, with their number and status;</item>
/// <item><c>GET /api/acm/action-items[?contract=ID][&amp;program=P]</c>: the action items.</item>
/// </list>
/// The same use cases, policy and audit as the pages: 401 without a token, 403 for a role that
/// does not see contract management, 404 for a contract that is not the token's.
/// </summary>
public static class ManagementApi
{
    /// <summary>Maps the endpoints under <c>/api/acm</c>.</summary>
    public static RouteGroupBuilder MapManagementApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/acm").AddEndpointFilter(ServiceCaller.Filter("contract management API", "contract management")).WithTags("Contract management");
        api.MapGet("/alerts", AlertList).WithSummary("The alerts of the token's contracts, as `tessera acm alerts --format csv` writes them, with number and status.");
        api.MapGet("/action-items", ItemList).WithSummary("The action items of the token's contracts and programs, open first.");
        return api;
    }

    private static IResult AlertList(HttpContext context, string? contract, string? program) => ApiAnswer.Of("contract", () =>
        Results.Json(new
        {
            alerts = Alerts.List(ServiceCaller.Of(context), contract, program).Select(a => new
            {
                id = a.Id, contract = a.Alert.Contract, provider = a.Alert.Provider, metric = a.Alert.Metric, period_start = ApiQuery.Day(a.Alert.PeriodStart),
                period_end = ApiQuery.Day(a.Alert.PeriodEnd), rule = a.Alert.Rule, value = a.Alert.Value, expected = a.Alert.Expected,
                lower_limit = a.Alert.LowerLimit, upper_limit = a.Alert.UpperLimit, status = a.Status, note = a.Note,
            }),
        }));

    private static IResult ItemList(HttpContext context, string? contract, string? program) => ApiAnswer.Of("contract", () =>
    {
        var caller = ServiceCaller.Of(context);
        var today = DateOnly.FromDateTime(caller.Workspace.UtcNow);
        return Results.Json(new
        {
            action_items = ActionItems.List(caller, contract, program).Select(i => new
            {
                id = i.Id, title = i.Title, owner = i.Owner, due = ApiQuery.Day(i.Due), status = i.Status, overdue = i.IsOverdueOn(today), program = i.Program,
                contract = i.Contract, metric = i.Metric, alert = i.Alert, report = i.Report, meeting = i.Meeting, closed = i.Closed is { } c ? ApiQuery.Day(c) : null, lesson = i.Lesson,
            }),
        });
    });
}
