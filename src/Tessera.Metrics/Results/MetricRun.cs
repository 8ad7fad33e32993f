namespace Tessera.Metrics.Results;

/// <summary>
/// One computation of one metric: the definition version and text, the data's end date, the
/// deliveries it read and the linkage run whose person index joined them — what it takes to
/// reproduce a figure a payment was based on after late data have arrived.
/// </summary>
/// <param name="Id">Run number.</param>
/// <param name="MetricId">The metric.</param>
/// <param name="Version">Definition version.</param>
/// <param name="AsOf">Last day the data covered; windows closing later were left out.</param>
/// <param name="Deliveries">The current deliveries of every source read (population, outcome, exclusions), as "source#id" entries.</param>
/// <param name="LinkRun">The linkage run that built the person index it read, or null (no linkage run yet, or computed before runs recorded it).</param>
/// <param name="ComputedUtc">When.</param>
/// <param name="Operator">Who.</param>
/// <param name="Members">Population rows counted.</param>
public sealed record MetricRun(long Id, string MetricId, int Version, DateOnly AsOf, IReadOnlyList<string> Deliveries, long? LinkRun, DateTime ComputedUtc, string Operator, long Members);
