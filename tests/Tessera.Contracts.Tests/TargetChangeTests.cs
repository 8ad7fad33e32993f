using Tessera.Contracts.Agreements;
using Tessera.Core.Contracting;

namespace Tessera.Contracts.Tests;

public class TargetChangeTests
{
    private static readonly Contract Yearly = new(
        ContractId.Parse("WF01-2024"), "workforce", ProviderId.Parse("WF01"), "job-training", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), null, null,
        ContractStage.Manage, null,
        [new ContractMetric("acm-training-completion", MeasureType.Outcome, [new PeriodTarget(new DateOnly(2024, 1, 1), 0.50m, "agency", null, null)], 0.05m, null)]);

    [Fact]
    public void A_mid_contract_target_applies_from_its_day_and_the_earlier_one_still_applies_before()
    {
        var changed = Yearly.WithTarget("acm-training-completion", new PeriodTarget(new DateOnly(2024, 7, 1), 0.55m, "provider", new DateOnly(2024, 6, 20), "new curriculum"));

        var metric = changed.Metrics.Single();
        Assert.Equal([0.50m, 0.55m], metric.Targets.Select(t => t.Value));
        Assert.Equal(0.50m, metric.TargetOn(new DateOnly(2024, 6, 1)).Value);
        Assert.Equal(0.55m, metric.TargetOn(new DateOnly(2024, 7, 1)).Value);
        Assert.Equal("new curriculum", metric.TargetOn(new DateOnly(2024, 10, 1)).Reason);
        Assert.Single(Yearly.Metrics.Single().Targets);
    }

    [Fact]
    public void A_target_on_a_day_that_already_has_one_replaces_it()
    {
        var changed = Yearly.WithTarget("acm-training-completion", new PeriodTarget(new DateOnly(2024, 1, 1), 0.45m, "agency", null, "corrected"));

        Assert.Equal(0.45m, changed.Metrics.Single().Targets.Single().Value);
    }

    [Fact]
    public void A_target_outside_the_contract_or_for_another_metric_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Yearly.WithTarget("acm-training-completion", new PeriodTarget(new DateOnly(2025, 1, 1), 0.5m, null, null, null)));
        Assert.Throws<ArgumentException>(() => Yearly.WithTarget("acm-training-completion", new PeriodTarget(new DateOnly(2023, 12, 31), 0.5m, null, null, null)));
        Assert.Throws<ArgumentException>(() => Yearly.WithTarget("wioa-employment-q2", new PeriodTarget(new DateOnly(2024, 7, 1), 0.5m, null, null, null)));
    }
}
