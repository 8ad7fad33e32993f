using Tessera.Contracts.Files;
using Tessera.Contracts.Payments;

namespace Tessera.Contracts.Tests;

/// <summary>A contract's <c>payments:</c> as the issue writes it, and its mistakes named by line and field.</summary>
public class PaymentTermsFileTests
{
    private const string File = """
        contracts:
          - id: WF01-2024
            agency: workforce
            provider: WF01
            program: job-training
            start: 2024-01-01
            end: 2024-12-31
            metrics:
              - { metric: acm-training-completion, type: outcome, target: 0.50 }
              - { metric: wioa-employment-q2, type: outcome, target: 0.40 }
            payments:
              base: 200000.00                # per contract period, paid in equal parts per payment period
              period: quarter
              withhold: { share: 0.10, earn_back_metric: acm-training-completion }
              outcomes:
                - { metric: wioa-employment-q2, rate: 1500.00, per: person }
              bonus: [ { metric: acm-training-completion, at_least: 0.60, amount: 10000.00 } ]
              cap: 60000.00                  # outcome payments + bonus, per payment period
        """;

    [Fact]
    public void The_issues_payment_terms_read()
    {
        var terms = ContractingFile.Read("contracts.yaml", File).Contracts.Single().Contract.Payments!;

        Assert.Equal((PaymentPeriodKind.Quarter, 200_000.00m, 0.10m, "acm-training-completion", 60_000.00m), (terms.Period, terms.Base!.Value.Amount, terms.Withhold!.Share, terms.Withhold.EarnBackMetric, terms.Cap!.Value.Amount));
        Assert.Equal(("wioa-employment-q2", 1_500.00m, OutcomeUnit.Person), terms.Outcomes.Select(o => (o.Metric, o.Rate.Amount, o.Per)).Single());
        Assert.Equal(("acm-training-completion", 0.60m, 10_000.00m), terms.Bonuses.Select(b => (b.Metric, b.Threshold, b.Amount.Amount)).Single());
    }

    [Theory]
    [InlineData("{ metric: wioa-employment-q2, rate: 1500.00, per: person }", "{ metric: hmis-exit-to-permanent-housing, rate: 1500.00 }", "line 16, contracts[0].payments.outcomes[0].metric: the contract does not measure hmis-exit-to-permanent-housing")]
    [InlineData("rate: 1500.00, per: person", "rate: -1500.00, per: person", "line 16, contracts[0].payments.outcomes[0].rate: expected an amount in dollars of 0 or more")]
    [InlineData("cap: 60000.00", "cap: 60000.00\n      floor: 70000.00", "line 18, contracts[0].payments.cap: the cap (60000.00) is below the floor (70000.00)")]
    [InlineData("period: quarter", "period: fortnight", "line 13, contracts[0].payments.period: expected month, quarter or year, found 'fortnight'")]
    [InlineData("share: 0.10", "share: 10", "line 14, contracts[0].payments.withhold.share: expected a share above 0 and at most 1")]
    [InlineData("cap: 60000.00", "cap: 60000.00\n      fee: 5.00", "contracts[0].payments: unknown key 'fee'")]
    [InlineData("base: 200000.00 ", "# no base\n      ", "contracts[0].payments.withhold: a withhold is a share of the base; give 'base' too.")]
    public void A_mistake_in_the_payment_terms_is_named_by_line_and_field_and_nothing_is_read(string replace, string with, string message)
    {
        var bad = File.Replace(replace, with, StringComparison.Ordinal);
        Assert.NotEqual(File, bad);

        var thrown = Assert.Throws<ContractingFileException>(() => ContractingFile.Read("contracts.yaml", bad));

        Assert.Contains(thrown.Problems, p => p.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_rate_card_reads_its_metrics_terms_and_budget()
    {
        var card = RateCardFile.Read("card.yaml", """
            metrics: [{ metric: acm-training-completion, type: outcome, target: 0.50 }]
            payments: { base: 200000.00, outcomes: [{ metric: acm-training-completion, rate: 800.00 }] }
            budget: 1200000.00
            """);

        Assert.Equal(("acm-training-completion", 0.50m), (card.Metrics.Single().Metric, card.Metrics.Single().Targets.Single().Value));
        Assert.Equal((200_000.00m, 1_200_000.00m), (card.Payments.Base!.Value.Amount, card.Budget!.Value.Amount));
    }

    [Theory]
    [InlineData("metrics: [{ metric: acm-training-completion, type: outcome, target: 0.50 }]\nbudget: 10.00\n", "'payments' is missing")]
    [InlineData("metrics: [{ metric: acm-training-completion, type: outcome, target: 0.50 }]\npayments: { outcomes: [{ metric: wioa-employment-q2, rate: 800.00 }] }\n", "line 2, card.payments.outcomes[0].metric: the contract does not measure wioa-employment-q2")]
    [InlineData("metrics: [{ metric: acm-training-completion, type: outcome, target: 0.50 }]\npayments: { base: 1.00 }\nbudget: -5.00\n", "line 3, card.budget: expected an amount in dollars of 0 or more")]
    [InlineData("payments: { base: 1.00 }\nprice: 3\n", "unknown key 'price'")]
    public void A_mistake_in_a_rate_card_is_named_by_line_and_field(string text, string message)
    {
        var thrown = Assert.Throws<ContractingFileException>(() => RateCardFile.Read("card.yaml", text));

        Assert.Contains(thrown.Problems, p => p.Contains(message, StringComparison.Ordinal));
    }
}
