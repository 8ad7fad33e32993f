using Tessera.Storage.Payments;

namespace Tessera.Web.Infrastructure;

/// <summary>
/// The payments API for finance systems and BI tools, with a service token of a contract manager
/// (prepares), a finance officer (<c>tessera tokens create --role finance --source AGENCY</c>;
/// approves) or an administrator's tool:
/// <list type="bullet">
/// <item><c>GET /api/contracts/ID/statements</c>: the contract's statements;</item>
/// <item><c>POST /api/contracts/ID/statements?period=2024-Q1</c>: a payment run (201 with the statement);</item>
/// <item><c>GET /api/payments/N</c>: a statement with its lines and pinned metric runs;</item>
/// <item><c>POST /api/payments/N/approval?total=12345.67</c>: approval by someone other than the
/// preparer, for the total the approver saw.</item>
/// </list>
/// 401 without a valid token, 403 for a role that may not, or for the preparer approving (two-person
/// rule), 404 for what is not the token's, 400 for a malformed or unknown period, 409 for a period
/// or statement that is approved already or a total that is not the statement's.
/// </summary>
public static class PaymentsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter(ServiceCaller.Filter("payments API", "payments")).WithTags("Payments");
        api.MapGet("/contracts/{contract}/statements", List).WithSummary("A contract's payment statements, newest first.");
        api.MapPost("/contracts/{contract}/statements", Run).WithSummary("Prepares the statement of a payment period (?period=YYYY, YYYY-Qn or YYYY-MM).");
        api.MapGet("/payments/{statement:long}", Show).WithSummary("A payment statement with its lines and the metric runs it pins.");
        api.MapPost("/payments/{statement:long}/approval", Approve).WithSummary("Approves a statement someone else prepared (?total= the total seen), which locks it.");
        return api;
    }

    private static IResult List(string contract, HttpContext context) => ApiAnswer.Of("contract or statement", () =>
        Results.Json(new { statements = PaymentRuns.List(ServiceCaller.Of(context), contract).Select(Summary) }));

    private static IResult Run(string contract, HttpContext context) => ApiAnswer.Of("contract or statement", () =>
    {
        var statement = PaymentRuns.Run(ServiceCaller.Of(context), contract, context.Request.Query["period"].ToString());
        return Results.Json(Whole(statement), statusCode: StatusCodes.Status201Created);
    });

    private static IResult Show(long statement, HttpContext context) => ApiAnswer.Of("contract or statement", () => Results.Json(Whole(PaymentRuns.Show(ServiceCaller.Of(context), statement))));

    private static IResult Approve(long statement, HttpContext context) => ApiAnswer.Of("contract or statement", () =>
    {
        var caller = ServiceCaller.Of(context);
        var shown = PaymentRuns.Show(caller, statement);
        if (context.Request.Query["total"].ToString() != shown.Total.ToString())
        {
            return Results.Problem($"Send the total you approve as ?total=; statement {statement} totals {shown.Total} now.", statusCode: StatusCodes.Status409Conflict);
        }

        return Results.Json(Whole(PaymentRuns.Approve(caller, statement)));
    });

    private static object Summary(PaymentStatement s) => new
    {
        id = s.Id, contract = s.Contract, contract_version = s.ContractVersion, period = s.Period.Label, period_start = ApiQuery.Day(s.Period.Start), period_end = ApiQuery.Day(s.Period.End),
        status = s.Status, total = s.Total.Amount, prepared_by = s.PreparedBy, prepared_utc = s.PreparedUtc, approved_by = s.ApprovedBy, approved_utc = s.ApprovedUtc,
    };

    private static object Whole(PaymentStatement s) => new
    {
        statement = Summary(s),
        lines = s.Lines.Select((l, i) => new
        {
            line = i + 1, kind = l.KindCode, metric = l.Metric, period_start = ApiQuery.Day(l.PeriodStart), period_end = ApiQuery.Day(l.PeriodEnd), count = l.Count, rate = l.Rate,
            amount = l.Amount.Amount, metric_run = l.MetricRun, note = l.Note,
        }),
        runs = s.Runs.Select(r => new { metric = r.Metric, run = r.Run, version = r.Version, deliveries = r.Deliveries }),
    };
}
