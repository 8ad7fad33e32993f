using Tessera.Storage.Contracting;

namespace Tessera.Web.Infrastructure;

/// <summary>
/// The providers API for a provider's own systems, with a service token scoped to the provider
/// (<c>tessera tokens create --name N --provider ID</c>):
/// <list type="bullet">
/// <item><c>GET /api/providers/ID/performance[?from=YYYY-MM-DD&amp;to=YYYY-MM-DD]</c>: every
/// contract of the provider's, each metric period by period — value, target, band, peer median —
/// from the published results;</item>
/// <item><c>GET /api/providers/ID/post-exit</c>: what the linked data show of the provider's clients
/// after they left, each post-exit measure by exit period (aggregated, small cells hidden).</item>
/// </list>
/// The same use cases as the provider's pages (<see cref="ContractRegistry.Scorecard"/>,
/// <see cref="PostExitOutcomes"/>), so the same policy and audit: 401 without a valid token, 403 for a role that does not see
/// contracts, 404 for a provider that does not exist or is not the token's — the same answer, so
/// ids cannot be probed.
/// </summary>
public static class ProvidersApi
{
    /// <summary>Maps the endpoints under <c>/api/providers</c>.</summary>
    public static RouteGroupBuilder MapProvidersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/providers").AddEndpointFilter(ServiceCaller.Filter("providers API", "provider performance")).WithTags("Providers");
        api.MapGet("/{provider}/performance", Performance)
            .WithSummary("The provider's performance on each of its contracts' metrics, period by period: value, target, band and the peers' median.");
        api.MapGet("/{provider}/post-exit", PostExit)
            .WithSummary("What the linked data show of the provider's clients after they left: each post-exit measure by period of exit, small cells hidden.");
        return api;
    }

    private static IResult PostExit(string provider, HttpContext context) => ApiAnswer.Of("provider", () =>
        Results.Json(new
        {
            provider,
            outcomes = PostExitOutcomes.Of(ServiceCaller.Of(context), provider).Select(o => new
            {
                metric = o.Metric, title = o.Title, unit = o.Unit, higher_is_better = o.HigherIsBetter, as_of = ApiQuery.Day(o.AsOf),
                cohorts = o.Cohorts.Select(c => new
                {
                    period = ApiQuery.Day(c.PeriodStart), period_end = ApiQuery.Day(c.PeriodEnd), numerator = c.Numerator, denominator = c.Denominator, value = c.Value, hidden = c.Hidden,
                }),
            }),
        }));

    private static IResult Performance(string provider, HttpContext context) => ApiAnswer.Of("provider", () =>
    {
        if (!ApiQuery.TryDate(context, "from", out var from) || !ApiQuery.TryDate(context, "to", out var to))
        {
            return Results.Problem("Write from and to as YYYY-MM-DD, e.g. from=2024-01-01.", statusCode: StatusCodes.Status400BadRequest);
        }

        var contracts = ContractRegistry.Scorecard(ServiceCaller.Of(context), provider, from, to);
        return Results.Json(new
        {
            provider,
            rows = contracts.SelectMany(c => c.Rows).Select(r => new
            {
                contract = r.Contract, metric = r.Metric, period = ApiQuery.Day(r.PeriodStart), period_end = ApiQuery.Day(r.PeriodEnd),
                value = r.Value, numerator = r.Numerator, denominator = r.Denominator, target = r.Target, band = r.Band, peer_median = r.PeerMedian,
            }),
        });
    });
}
