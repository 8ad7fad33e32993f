using Tessera.Contracts.Agreements;
using Tessera.Contracts.Management;
using Tessera.Contracts.Payments;
using Tessera.Core.Contracting;

namespace Tessera.Contracts.Tests;

/// <summary>The ACM score on the seeds' criteria, and improvement sprints that rotate over the portfolio.</summary>
public class AcmScoreTests
{
    private static Contract Make(string id, string provider, int year, decimal value, int metrics = 1, bool pays = false) =>
        new(ContractId.Parse(id), "workforce", ProviderId.Parse(provider), "job-training", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), new Money(value), null, ContractStage.Manage, null,
            [.. Enumerable.Range(0, metrics).Select(i => new ContractMetric($"m{i}", MeasureType.Outcome, [new PeriodTarget(new DateOnly(year, 1, 1), 0.5m, null, null, null)], 0.05m, null))])
        {
            Payments = pays ? new PaymentTerms(PaymentPeriodKind.Quarter, new Money(1000m), null, [], [], null, null, null) : null,
        };

    [Fact]
    public void Each_criterion_adds_a_point_with_its_reason()
    {
        var old = Make("A-2023", "A", 2023, 100_000m);
        var big = Make("A-2024", "A", 2024, 900_000m, metrics: 3);
        Contract[] portfolio = [old, big, Make("B-2024", "B", 2024, 100_000m), Make("C-2024", "C", 2024, 120_000m), Make("D-2024", "D", 2024, 110_000m)];

        var score = AcmScore.Of(big, portfolio, offTrackShare: 0.5, openAlerts: 2, cases: 500, programCases: 800);

        // Not new (A had a 2023 contract); 500 of 800 cases among 4 providers (even share 200); half its periods off track;
        // two open alerts; 900,000 in the top quarter; three measures.
        Assert.Equal(5, score.Points);
        Assert.DoesNotContain(score.Reasons, r => r.StartsWith("new", StringComparison.Ordinal));
        Assert.Contains(score.Reasons, r => r.StartsWith("high impact", StringComparison.Ordinal));
        Assert.Contains(score.Reasons, r => r.StartsWith("poor results", StringComparison.Ordinal));
        Assert.Contains("risk: 2 open alerts", score.Reasons);
        Assert.Contains(score.Reasons, r => r.StartsWith("large value", StringComparison.Ordinal));
        Assert.Contains("complex: 3 measures", score.Reasons);

        var plain = AcmScore.Of(portfolio[2], portfolio, offTrackShare: 0, openAlerts: 0, cases: 100, programCases: 800);
        Assert.Equal(["new: the provider's first contract for this program"], plain.Reasons);
    }

    [Fact]
    public void A_contract_the_rapid_assessment_short_listed_earns_a_point_for_the_agencys_priority()
    {
        Contract[] portfolio = [Make("B-2024", "B", 2024, 100_000m), Make("C-2024", "C", 2024, 120_000m)];

        var score = AcmScore.Of(portfolio[0], portfolio, offTrackShare: 0, openAlerts: 0, cases: 100, programCases: 200, shortListed: true);

        Assert.Equal(2, score.Points); // new, and short-listed
        Assert.Contains("priority: short-listed for outcomes-oriented contracting in the agency's rapid assessment", score.Reasons);
    }

    [Fact]
    public void Sprints_take_the_highest_scores_first_and_rotate_before_repeating()
    {
        AcmScore[] scores = [new("A", 5, []), new("B", 4, []), new("C", 3, []), new("D", 1, []), new("E", 0, [])];

        var plan = AcmScore.Sprints(scores, perSprint: 2, sprints: 4);

        Assert.Equal(["A,B", "C,D", "A,B", "C,D"], plan.Select(s => string.Join(",", s.Select(x => x.Contract))));
        Assert.DoesNotContain(plan.SelectMany(s => s), s => s.Contract == "E"); // scores 0: no sprint
    }
}
