using Tessera.Contracts.Agreements;
using Tessera.Contracts.Payments;
using Tessera.Core.Contracting;

namespace Tessera.Contracts.Tests;

/// <summary>Statements computed by hand: each rule binding and not binding, in dollars and cents.</summary>
public class StatementRulesTests
{
    private const string Completion = "acm-training-completion";
    private const string Employment = "wioa-employment-q2";
    private const string Days = "acm-days-to-enrolment";

    private static readonly PaymentTerms Terms = new(
        PaymentPeriodKind.Quarter, new Money(200_000.00m), new Withhold(0.10m, Completion),
        [new OutcomeRate(Employment, new Money(1_500.00m), OutcomeUnit.Person)],
        [new BonusTier(Completion, 0.60m, new Money(10_000.00m)), new BonusTier(Completion, 0.70m, new Money(15_000.00m))],
        new Money(60_000.00m), null, null);

    private static Contract Contract(PaymentTerms terms, DateOnly? start = null, DateOnly? end = null) =>
        new(ContractId.Parse("WF01-2024"), "workforce", ProviderId.Parse("WF01"), "job-training", start ?? new DateOnly(2024, 1, 1), end ?? new DateOnly(2024, 12, 31), null, null, ContractStage.Manage, null,
            [Metric(Completion, 0.50m), Metric(Employment, 0.40m), Metric(Days, 30m)]) { Payments = terms };

    private static ContractMetric Metric(string id, decimal target) => new(id, MeasureType.Outcome, [new PeriodTarget(new DateOnly(2024, 1, 1), target, null, null, null)], 0.05m, null);

    private static PaymentPeriod Period(string label) => PaymentPeriod.TryParse(label, out var period) ? period : throw new FormatException(label);

    private static Dictionary<string, MetricEvidence> Evidence(double? completion, long employed, double? days = null) => new()
    {
        [Completion] = new MetricEvidence(Completion, true, completion, 0, 11),
        [Employment] = new MetricEvidence(Employment, true, 0.5, employed, 12),
        [Days] = new MetricEvidence(Days, false, days, 0, 13),
    };

    private static IEnumerable<(string Kind, decimal Amount)> Summary(IEnumerable<StatementLine> lines) => lines.Select(l => (l.KindCode, l.Amount.Amount));

    [Fact]
    public void A_quarter_below_the_cap_pays_base_withhold_earn_back_and_outcomes()
    {
        var lines = StatementRules.Lines(Contract(Terms), Period("2024-Q1"), Evidence(0.45, 30), Money.Zero);

        // base 200,000 / 4 = 50,000; 10% held = 5,000; completion 0.45 of 0.50 = 0.9 → 4,500; 30 × 1,500 = 45,000; no tier reached.
        Assert.Equal([("base", 50_000.00m), ("withhold", -5_000.00m), ("earn_back", 4_500.00m), ("outcome", 45_000.00m)], Summary(lines));
        Assert.Equal(94_500.00m, StatementLine.Total(lines).Amount);
        Assert.Equal((30L, 1_500.00m, 12L), (lines[3].Count!.Value, lines[3].Rate!.Value, lines[3].MetricRun!.Value));
        Assert.Equal(0.9m, lines[2].Rate);
    }

    [Fact]
    public void Payment_above_the_cap_is_cut_to_the_cap()
    {
        var lines = StatementRules.Lines(Contract(Terms), Period("2024-Q2"), Evidence(0.65, 40), Money.Zero);

        // 40 × 1,500 = 60,000 plus the 0.60 tier's 10,000 = 70,000 → cut by 10,000 to the cap; attainment 1.
        Assert.Equal([("base", 50_000.00m), ("withhold", -5_000.00m), ("earn_back", 5_000.00m), ("outcome", 60_000.00m), ("bonus", 10_000.00m), ("cap", -10_000.00m)], Summary(lines));
        Assert.Equal(110_000.00m, StatementLine.Total(lines).Amount);
    }

    [Theory]
    [InlineData(0.59, 0)]
    [InlineData(0.60, 10_000)]
    [InlineData(0.69, 10_000)]
    [InlineData(0.70, 15_000)]
    [InlineData(0.95, 15_000)]
    public void Only_the_highest_tier_reached_pays(double completion, int bonus)
    {
        var lines = StatementRules.Lines(Contract(Terms with { Cap = null }), Period("2024-Q3"), Evidence(completion, 0), Money.Zero);

        Assert.Equal((decimal)bonus, lines.Where(l => l.Kind == StatementLineKind.Bonus).Sum(l => l.Amount.Amount));
    }

    [Theory]
    [InlineData(0.50, 5_000.00)] // at the target: all of it
    [InlineData(0.80, 5_000.00)] // beyond it: still all, never more
    [InlineData(0.37, 3_700.00)] // 0.37 / 0.50 = 0.74
    [InlineData(0.0, 0.00)]
    public void The_withhold_is_earned_back_in_proportion_to_attainment(double completion, double earned)
    {
        var lines = StatementRules.Lines(Contract(Terms), Period("2024-Q1"), Evidence(completion, 0), Money.Zero);

        Assert.Equal((decimal)earned, lines.Single(l => l.Kind == StatementLineKind.EarnBack).Amount.Amount);
    }

    [Fact]
    public void No_figure_earns_nothing_back_and_says_so()
    {
        var lines = StatementRules.Lines(Contract(Terms), Period("2024-Q1"), Evidence(null, 0), Money.Zero);

        var earnBack = lines.Single(l => l.Kind == StatementLineKind.EarnBack);
        Assert.Equal((0m, "no figure this period: nothing earned back"), (earnBack.Amount.Amount, earnBack.Note));
    }

    [Fact]
    public void Where_lower_is_better_attainment_is_the_target_over_the_figure()
    {
        var terms = Terms with { Withhold = new Withhold(0.10m, Days) };

        var slow = StatementRules.Lines(Contract(terms), Period("2024-Q1"), Evidence(0.5, 0, days: 40), Money.Zero);
        var fast = StatementRules.Lines(Contract(terms), Period("2024-Q1"), Evidence(0.5, 0, days: 12), Money.Zero);

        Assert.Equal(3_750.00m, slow.Single(l => l.Kind == StatementLineKind.EarnBack).Amount.Amount); // 30 / 40 = 0.75 of 5,000
        Assert.Equal(5_000.00m, fast.Single(l => l.Kind == StatementLineKind.EarnBack).Amount.Amount);
    }

    [Fact]
    public void A_floor_raises_a_period_without_outcomes()
    {
        var terms = Terms with { Cap = null, Floor = new Money(5_000.00m) };

        var none = StatementRules.Lines(Contract(terms), Period("2024-Q1"), Evidence(0.5, 0), Money.Zero);
        var some = StatementRules.Lines(Contract(terms), Period("2024-Q1"), Evidence(0.5, 4), Money.Zero);

        Assert.Equal(("outcome", 0m), Summary(none).Single(l => l.Kind == "outcome"));
        Assert.Equal(("floor", 5_000.00m), Summary(none).Last());
        Assert.DoesNotContain(some, l => l.Kind == StatementLineKind.Floor); // 4 × 1,500 = 6,000 is above it
    }

    [Fact]
    public void The_contract_cap_counts_what_was_paid_before()
    {
        var terms = Terms with { ContractCap = new Money(120_000.00m) };

        var lines = StatementRules.Lines(Contract(terms), Period("2024-Q4"), Evidence(0.5, 30), new Money(100_000.00m));

        Assert.Equal(("cap", -25_000.00m), Summary(lines).Last()); // 45,000 earned, 20,000 left under the cap
    }

    [Fact]
    public void The_base_parts_add_up_to_the_base_the_last_taking_the_remainder()
    {
        var terms = Terms with { Base = new Money(100_000.00m), Withhold = null };
        var contract = Contract(terms, new DateOnly(2024, 2, 1), new DateOnly(2024, 9, 30)); // Q1, Q2 and Q3

        var parts = new[] { "2024-Q1", "2024-Q2", "2024-Q3" }.Select(q => StatementRules.Lines(contract, Period(q), Evidence(0.5, 0), Money.Zero).Single(l => l.Kind == StatementLineKind.Base).Amount.Amount).ToList();

        Assert.Equal([33_333.33m, 33_333.33m, 33_333.34m], parts);
        Assert.Equal(100_000.00m, parts.Sum());
    }

    [Fact]
    public void Amounts_are_rounded_to_cents_half_away_from_zero()
    {
        var terms = Terms with { Base = new Money(1_000.10m), Withhold = new Withhold(0.125m, Completion), Outcomes = [], Bonuses = [] };

        var lines = StatementRules.Lines(Contract(terms), Period("2024-Q1"), Evidence(0.5, 0), Money.Zero);

        // 1,000.10 / 4 = 250.025 → 250.03; 250.03 × 0.125 = 31.25375 → 31.25.
        Assert.Equal([("base", 250.03m), ("withhold", -31.25m), ("earn_back", 31.25m)], Summary(lines));
    }

    [Fact]
    public void A_cohort_rate_pays_once_when_the_cohort_meets_its_target()
    {
        var terms = Terms with { Outcomes = [new OutcomeRate(Employment, new Money(20_000.00m), OutcomeUnit.Cohort)], Cap = null };
        var met = new Dictionary<string, MetricEvidence>(Evidence(0.5, 99)) { [Employment] = new MetricEvidence(Employment, true, 0.41, 99, 12) };
        var missed = new Dictionary<string, MetricEvidence>(Evidence(0.5, 99)) { [Employment] = new MetricEvidence(Employment, true, 0.39, 99, 12) };

        Assert.Equal(20_000.00m, StatementRules.Lines(Contract(terms), Period("2024-Q1"), met, Money.Zero).Single(l => l.Kind == StatementLineKind.Outcome).Amount.Amount);
        Assert.Equal(0m, StatementRules.Lines(Contract(terms), Period("2024-Q1"), missed, Money.Zero).Single(l => l.Kind == StatementLineKind.Outcome).Amount.Amount);
    }

    [Theory]
    [InlineData("2025-Q1")]
    [InlineData("2024-03")]
    public void A_period_that_is_not_one_of_the_contracts_payment_periods_is_refused(string period)
    {
        Assert.Throws<ArgumentException>(() => StatementRules.Lines(Contract(Terms), Period(period), Evidence(0.5, 0), Money.Zero));
    }

    [Fact]
    public void Later_outcomes_of_a_paid_quarter_become_one_adjustment_line_with_old_and_new_counts()
    {
        var paid = StatementRules.Lines(Contract(Terms), Period("2024-Q1"), Evidence(0.45, 30), Money.Zero);
        var now = StatementRules.Lines(Contract(Terms), Period("2024-Q1"), Evidence(0.45, 32), Money.Zero);

        var adjustment = Assert.Single(StatementRules.Adjustments(paid, now, "delivery 57 of workforce"));

        Assert.Equal(("adjustment", Employment, 2L, 3_000.00m), (adjustment.KindCode, adjustment.Metric, adjustment.Count!.Value, adjustment.Amount.Amount));
        Assert.Equal(new DateOnly(2024, 1, 1), adjustment.PeriodStart);
        Assert.Equal("2024-01-01 to 2024-03-31: 30 outcomes paid, 32 now; delivery 57 of workforce", adjustment.Note);
    }

    [Fact]
    public void Adjustments_of_a_capped_quarter_add_up_to_the_change_in_its_total()
    {
        var paid = StatementRules.Lines(Contract(Terms), Period("2024-Q2"), Evidence(0.65, 30), Money.Zero); // 45,000 + 10,000, under the cap
        var now = StatementRules.Lines(Contract(Terms), Period("2024-Q2"), Evidence(0.65, 36), Money.Zero); // 54,000 + 10,000 → cut by 4,000

        var adjustments = StatementRules.Adjustments(paid, now, "delivery 58 of workforce");

        Assert.Equal(StatementLine.Total(now) - StatementLine.Total(paid), StatementLine.Total(adjustments));
        Assert.Equal(5_000.00m, StatementLine.Total(adjustments).Amount); // the cap lets only 5,000 of the 9,000 through
        Assert.Equal([(Employment, 9_000.00m), (null, -4_000.00m)], adjustments.Select(a => (a.Metric, a.Amount.Amount)));
        Assert.Empty(StatementRules.Adjustments(paid, paid, "nothing new"));
    }
}
