using Tessera.Contracts.Files;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;

namespace Tessera.Storage.Tests;

/// <summary>A contract's payment terms kept by the registry on both engines: read back as written, a change of rate a new version.</summary>
public sealed class PaymentTermsStorageTests
{
    private const string Registry = """
        providers:
          - { id: WF01, name: Pathways Works, program: job-training, identifiers: [{ source: workforce, field: provider_id, value: WF01 }] }
        contracts:
          - id: WF01-2024
            agency: workforce
            provider: WF01
            program: job-training
            start: 2024-01-01
            end: 2024-12-31
            metrics:
              - { metric: acm-training-completion, type: outcome, target: 0.50 }
              - { metric: acm-first-day-attendance, type: activity, target: 0.80 }
            payments:
              base: 200000.00
              period: quarter
              withhold: { share: 0.10, earn_back_metric: acm-training-completion }
              outcomes:
                - { metric: acm-training-completion, rate: 1500.00, per: person }
                - { metric: acm-first-day-attendance, rate: 5000.00, per: cohort }
              bonus:
                - { metric: acm-training-completion, at_least: 0.60, amount: 10000.00 }
                - { metric: acm-training-completion, at_least: 0.70, amount: 15000.00 }
              cap: 60000.00
              floor: 1000.00
              contract_cap: 150000.00
        """;

    public static TheoryData<Engine> Engines => new(Engine.Embedded, Engine.PostgreSql);

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void Payment_terms_are_read_back_as_written_and_a_changed_rate_is_a_new_version(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        var admin = Caller.Operator(test.Workspace);
        var file = ContractingFile.Read("registry.yaml", Registry);
        ProviderRegistry.Import(admin, file, "test");
        ContractRegistry.Import(admin, [file], "test");

        var stored = ContractRegistry.Show(admin, "WF01-2024").Contract.Contract.Payments!;
        var written = file.Contracts.Single().Contract.Payments!;
        Assert.Equal((written.Period, written.Base, written.Withhold, written.Cap, written.Floor, written.ContractCap), (stored.Period, stored.Base, stored.Withhold, stored.Cap, stored.Floor, stored.ContractCap));
        Assert.Equal(written.Outcomes, stored.Outcomes);
        Assert.Equal(written.Bonuses, stored.Bonuses);

        var again = ContractRegistry.Import(admin, [file], "no change");
        var repriced = ContractRegistry.Import(admin, [ContractingFile.Read("registry.yaml", Registry.Replace("rate: 1500.00", "rate: 1750.00", StringComparison.Ordinal))], "repriced");

        Assert.Equal(["WF01-2024"], again.Unchanged);
        Assert.Equal(["WF01-2024"], repriced.Changed);
        var (contract, history) = ContractRegistry.Show(admin, "WF01-2024");
        Assert.Equal(1_750.00m, contract.Contract.Payments!.Outcomes[0].Rate.Amount);
        Assert.Equal(2, history.Count);
        Assert.Contains("\"rate\":\"1500.00\"", history[0].Content, StringComparison.Ordinal);
    }
}
