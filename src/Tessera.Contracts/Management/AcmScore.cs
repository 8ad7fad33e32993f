using Tessera.Contracts.Agreements;

namespace Tessera.Contracts.Management;

/// <summary>
/// Which contracts deserve active contract management, scored on the seeds' criteria — a new or
/// high-impact service, high risk or historically poor results, a large value or complexity — and
/// the agency's own priority (a rapid assessment short-listed it), one point each (0 to 7), with
/// the reasons written out so the choice can be argued with.
/// </summary>
/// <param name="Contract">The contract's id.</param>
/// <param name="Points">The score.</param>
/// <param name="Reasons">One reason per point.</param>
public sealed record AcmScore(string Contract, int Points, IReadOnlyList<string> Reasons)
{
    /// <summary>Share of a contract's periods off track over which its results count as poor.</summary>
    public const double PoorShare = 1.0 / 3;

    /// <summary>
    /// The score of <paramref name="contract"/> among <paramref name="portfolio"/> (every contract
    /// scored together, for "large" and "high-impact"): <paramref name="offTrackShare"/> is the
    /// share of its periods off track, <paramref name="openAlerts"/> its open alerts,
    /// <paramref name="cases"/> the people it served in its latest year (its largest metric's
    /// cases) and <paramref name="programCases"/> those of its program's providers together;
    /// <paramref name="shortListed"/> when a rapid assessment's short list made it (a draft promoted
    /// from the contract inventory).
    /// </summary>
    public static AcmScore Of(Contract contract, IReadOnlyList<Contract> portfolio, double offTrackShare, int openAlerts, long cases, long programCases, bool shortListed = false)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(portfolio);
        var reasons = new List<string>();
        if (!portfolio.Any(c => c.Provider == contract.Provider && c.Program == contract.Program && c.Start < contract.Start))
        {
            reasons.Add("new: the provider's first contract for this program");
        }

        var providers = portfolio.Where(c => c.Program == contract.Program).Select(c => c.Provider).Distinct().Count();
        if (programCases > 0 && providers > 1 && cases > (double)programCases / providers * 1.5)
        {
            reasons.Add($"high impact: serves {cases} of the program's {programCases} cases, more than half again an even share");
        }

        if (offTrackShare >= PoorShare)
        {
            reasons.Add($"poor results: {offTrackShare:P0} of its periods off track");
        }

        if (openAlerts > 0)
        {
            reasons.Add($"risk: {openAlerts} open alert{(openAlerts == 1 ? "" : "s")}");
        }

        var values = portfolio.Where(c => c.Value is not null).Select(c => c.Value!.Value.Amount).Order().ToList();
        if (contract.Value is { } value && values.Count >= 4 && value.Amount >= values[(int)Math.Ceiling(values.Count * 0.75) - 1] && value.Amount > values[values.Count / 2])
        {
            reasons.Add($"large value: {value} is in the portfolio's top quarter");
        }

        if (contract.Payments is not null || contract.Metrics.Count >= 3)
        {
            reasons.Add(contract.Payments is not null ? "complex: pays on results" : $"complex: {contract.Metrics.Count} measures");
        }

        if (shortListed)
        {
            reasons.Add("priority: short-listed for outcomes-oriented contracting in the agency's rapid assessment");
        }

        return new AcmScore(contract.Id.Value, reasons.Count, reasons);
    }

    /// <summary>
    /// Improvement sprints: <paramref name="sprints"/> rounds of intensive attention, each taking
    /// <paramref name="perSprint"/> contracts — the highest scores first, and no contract again
    /// until every contract scoring at least <paramref name="least"/> has had its turn — so the
    /// attention rotates over the portfolio instead of staying on the same few.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<AcmScore>> Sprints(IReadOnlyList<AcmScore> scores, int perSprint, int sprints, int least = 1)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentOutOfRangeException.ThrowIfLessThan(perSprint, 1);
        var eligible = scores.Where(s => s.Points >= least).OrderByDescending(s => s.Points).ThenBy(s => s.Contract, StringComparer.Ordinal).ToList();
        var plan = new List<IReadOnlyList<AcmScore>>();
        var had = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; round < sprints && eligible.Count > 0; round++)
        {
            if (eligible.All(s => had.Contains(s.Contract)))
            {
                had.Clear();
            }

            var sprint = eligible.Where(s => !had.Contains(s.Contract)).Take(perSprint).ToList();
            sprint.AddRange(eligible.Where(s => !sprint.Contains(s)).Take(perSprint - sprint.Count)); // a short round is topped up from the top
            had.UnionWith(sprint.Select(s => s.Contract));
            plan.Add(sprint);
        }

        return plan;
    }
}
