using Tessera.Storage.Contracting;

namespace Tessera.Web.Infrastructure;

/// <summary>
/// The contracts API for dashboards and BI tools, with a service token of a contract manager
/// (<c>tessera tokens create --role contract-manager --source AGENCY</c>) or of a provider
/// (<c>--role provider-staff --provider ID</c>):
/// <list type="bullet">
/// <item><c>GET /api/contracts</c>: the contracts the token may see;</item>
/// <item><c>GET /api/contracts/ID</c>: one contract with its metrics, targets (with their history) and versions;</item>
/// <item><c>GET /api/contracts/ID/performance[?from=YYYY-MM-DD&amp;to=YYYY-MM-DD]</c>: the rows of
/// <c>tessera contracts performance ID --format csv</c>, under the same names.</item>
/// </list>
/// The same use cases as the pages and the CLI (<see cref="ContractRegistry"/>), so the same
/// policy and audit: 401 without a valid token, 403 for a role that does not see contracts (a data
/// partner's delivery token), 404 for a contract that does not exist or is another agency's or
/// provider's — the same answer, so ids cannot be probed.
/// </summary>
public static class ContractsApi
{
    /// <summary>Maps the endpoints under <c>/api/contracts</c>.</summary>
    public static RouteGroupBuilder MapContractsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/contracts").AddEndpointFilter(ServiceCaller.Filter("contracts API", "contract management")).WithTags("Contracts");
        api.MapGet("", List).WithSummary("The contracts the token may see.");
        api.MapGet("/{contract}", Show).WithSummary("One contract with its metrics, targets (with their history) and versions.");
        api.MapGet("/{contract}/performance", Performance).WithSummary("The contract's performance by metric and period, as `tessera contracts performance --format csv` writes it.");
        return api;
    }

    private static IResult List(HttpContext context) => ApiAnswer.Of("contract", () =>
        Results.Json(new { contracts = ContractRegistry.List(ServiceCaller.Of(context)).Select(c => Summary(c)) }));

    private static IResult Show(string contract, HttpContext context) => ApiAnswer.Of("contract", () =>
    {
        var (registered, history) = ContractRegistry.Show(ServiceCaller.Of(context), contract);
        var c = registered.Contract;
        return Results.Json(new
        {
            contract = Summary(registered),
            metrics = c.Metrics.Select(m => new
            {
                metric = m.Metric,
                type = m.Type.ToString().ToLowerInvariant(),
                watch = m.Watch,
                targets = m.Targets.Select(t => new { from = ApiQuery.Day(t.From), value = t.Value, proposed_by = t.ProposedBy, agreed_on = t.AgreedOn is { } on ? ApiQuery.Day(on) : null, reason = t.Reason }),
                best_practice = m.BestPractice is { } b ? new { value = b.Value, citation = b.Citation } : null,
            }),
            versions = history.Select(v => new { version = v.Version, changed_utc = v.ChangedUtc, changed_by = v.ChangedBy, reason = v.Reason }),
        });
    });

    private static IResult Performance(string contract, HttpContext context) => ApiAnswer.Of("contract", () =>
    {
        if (!ApiQuery.TryDate(context, "from", out var from) || !ApiQuery.TryDate(context, "to", out var to))
        {
            return Results.Problem("Write from and to as YYYY-MM-DD, e.g. from=2024-01-01.", statusCode: StatusCodes.Status400BadRequest);
        }

        var rows = ContractRegistry.Performance(ServiceCaller.Of(context), contract, from, to);
        return Results.Json(new
        {
            contract,
            rows = rows.Select(r => new
            {
                contract = r.Contract, provider = r.Provider, metric = r.Metric, period_start = ApiQuery.Day(r.PeriodStart), period_end = ApiQuery.Day(r.PeriodEnd),
                numerator = r.Numerator, denominator = r.Denominator, value = r.Value, target = r.Target, band = r.Band, historical = r.Historical,
                peer_median = r.PeerMedian, peer_q1 = r.PeerQ1, peer_q3 = r.PeerQ3, best_practice = r.BestPractice,
            }),
        });
    });

    private static object Summary(RegisteredContract registered)
    {
        var c = registered.Contract;
        return new
        {
            id = c.Id.Value, agency = c.Agency, provider = c.Provider.Value, program = c.Program, start = ApiQuery.Day(c.Start), end = ApiQuery.Day(c.End),
            value = c.Value?.Amount, funding_source = c.FundingSource, stage = c.Stage.ToString().ToLowerInvariant(), population = c.Population,
            metrics = c.Metrics.Select(m => m.Metric), version = registered.Version,
        };
    }
}
