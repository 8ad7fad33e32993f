using Tessera.Contracts.Files;
using Tessera.Contracts.Payments;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Metrics;
using Tessera.Storage.Payments;
using Tessera.Storage.Workspaces;
using Tessera.Synthetic;

namespace Tessera.Storage.Tests;

/// <summary>
/// Payment runs over a synthetic county's workforce data: statements reconcile with the metric
/// runs they pin, a second person approves, an approved statement never changes, and outcomes that
/// later deliveries add to a paid quarter arrive as an adjustment in the next statement.
/// </summary>
public sealed class PaymentRunTests
{
    private const string Metric = "acm-training-completion";

    private const string Registry = """
        providers:
          - { id: WF01, name: Pathways Works, program: job-training, identifiers: [{ source: workforce, field: provider_id, value: WF01 }] }
        contracts:
          - id: WF01-2023
            agency: workforce
            provider: WF01
            program: job-training
            start: 2023-01-01
            end: 2023-12-31
            metrics: [{ metric: acm-training-completion, type: outcome, target: 0.50 }]
            payments:
              base: 120000.00
              period: quarter
              withhold: { share: 0.10, earn_back_metric: acm-training-completion }
              outcomes: [{ metric: acm-training-completion, rate: 1000.00, per: person }]
              bonus: [{ metric: acm-training-completion, at_least: 0.60, amount: 5000.00 }]
        """;

    public static TheoryData<Engine> Engines => new(Engine.Embedded, Engine.PostgreSql);

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void A_statement_is_approved_by_a_second_person_and_late_outcomes_come_as_an_adjustment(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        var county = Path.Combine(test.Root, "county");
        new CountyGenerator(new SynthOptions { People = 8_000, Seed = 1, Months = 9 }).Generate(county);
        var months = Directory.GetDirectories(Path.Combine(county, "workforce")).Order(StringComparer.Ordinal).ToList();
        foreach (var month in months.Take(4))
        {
            Assert.True(test.Ingest("workforce", month).Succeeded);
        }

        var admin = Caller.Operator(test.Workspace);
        var file = ContractingFile.Read("registry.yaml", Registry);
        ProviderRegistry.Import(admin, file, "test");
        ContractRegistry.Import(admin, [file], "test");
        var entry = MetricCatalog.Find(MetricCatalog.Load(test.Workspace), Metric);
        var store = new MetricStore(test.Workspace);
        var run = store.Compute(entry, "tester@test", DateTime.UtcNow);

        var first = PaymentRuns.Run(admin, "WF01-2023", "2023-Q1");

        // Reconciliation: the outcome count is the persons behind WF01's numerators of January to March, each once.
        var persons = new[] { 1, 2, 3 }.SelectMany(m => store.Members(entry, run, "provider_id", "WF01", new DateOnly(2023, m, 1))).Where(m => m.InNumerator).Select(m => m.PersonId).Distinct().Count();
        var numerators = new PublishedMetrics(test.Workspace).Results(Metric, "provider_id", runId: run.Id).Where(r => r.GroupValue == "WF01" && r.PeriodStart < new DateOnly(2023, 4, 1)).Sum(r => r.Numerator!.Value);
        var outcome = first.Lines.Single(l => l.Kind == StatementLineKind.Outcome);
        Assert.True(persons > 0, "WF01 completed nobody in the first quarter");
        Assert.Equal((long)persons, outcome.Count);
        Assert.True(outcome.Count <= numerators);
        // WF01's monthly figures are small cells, hidden wherever they are published; the statement pays on the exact ones.
        Assert.Contains(new PublishedMetrics(test.Workspace).Published(Metric, "provider_id", exact: false, runId: run.Id),
            p => p.Result.GroupValue == "WF01" && p.Result.PeriodStart < new DateOnly(2023, 4, 1) && p.Hidden != Governance.Disclosure.Suppression.None);
        Assert.Equal(outcome.Count * 1000.00m, outcome.Amount.Amount);
        Assert.Equal(run.Id, outcome.MetricRun);
        Assert.Equal(StatementLine.Total(first.Lines), first.Total);
        Assert.Equal(30_000.00m, first.Lines.Single(l => l.Kind == StatementLineKind.Base).Amount.Amount);
        Assert.Equal(run.Id, Assert.Single(first.Runs).Run);
        Assert.Equal(first.Id, PaymentRuns.Run(admin, "WF01-2023", "2023-Q1").Id); // nothing changed: the same statement

        // The persons behind the paid outcomes: one row each, for those who may see persons only.
        var evidence = PaymentRuns.Persons(admin, first.Id);
        Assert.Equal(outcome.Count, evidence.Count);
        Assert.Equal(evidence.Count, evidence.Select(e => e.PersonId).Distinct().Count());
        var manager = new Caller(test.Workspace, new AccessUser("contracts@test", Role.ContractManager, AccessScope.OfSources(["workforce"])), "payments", "test");
        Assert.False(Assert.Throws<AccessDeniedException>(() => PaymentRuns.Persons(manager, first.Id)).NotFound);

        // Two-person rule: the preparer may not approve; a finance officer of the agency may, once.
        Assert.Throws<AccessDeniedException>(() => PaymentRuns.Approve(admin, first.Id));
        var finance = new Caller(test.Workspace, new AccessUser("finance@test", Role.Finance, AccessScope.OfSources(["workforce"])), "payments", "test");
        var otherFinance = new Caller(test.Workspace, new AccessUser("finance@other", Role.Finance, AccessScope.OfSources(["child_welfare"])), "payments", "test");
        Assert.True(Assert.Throws<AccessDeniedException>(() => PaymentRuns.Approve(otherFinance, first.Id)).NotFound);
        var approved = PaymentRuns.Approve(finance, first.Id);
        Assert.Equal((PaymentStatement.Approved, "finance@test"), (approved.Status, approved.ApprovedBy));
        Assert.Throws<StatementLockedException>(() => PaymentRuns.Approve(finance, first.Id));
        Assert.Throws<StatementLockedException>(() => PaymentRuns.Run(admin, "WF01-2023", "2023-Q1"));
        var paidRows = Csv(PaymentRuns.Show(admin, first.Id));

        // Later months complete more of the first quarter's enrolments.
        foreach (var month in months.Skip(4))
        {
            Assert.True(test.Ingest("workforce", month).Succeeded);
        }

        var later = store.Compute(entry, "tester@test", DateTime.UtcNow);
        var second = PaymentRuns.Run(admin, "WF01-2023", "2023-Q2");

        Assert.Equal(paidRows, Csv(PaymentRuns.Show(admin, first.Id))); // the paid statement is exactly as it was
        var recounted = new[] { 1, 2, 3 }.SelectMany(m => store.Members(entry, later, "provider_id", "WF01", new DateOnly(2023, m, 1))).Where(m => m.InNumerator).Select(m => m.PersonId).Distinct().Count();
        Assert.True(recounted > persons, $"the later months add no completion to the first quarter ({persons} → {recounted})");
        var adjustment = second.Lines.Single(l => l.Kind == StatementLineKind.Adjustment && l.Metric == Metric);
        Assert.Equal((new DateOnly(2023, 1, 1), (long)(recounted - persons)), (adjustment.PeriodStart, adjustment.Count!.Value));
        Assert.Contains($"{persons} outcomes paid, {recounted} now; deliveries since it was paid: workforce#", adjustment.Note, StringComparison.Ordinal);
        Assert.Equal(StatementLine.Total(second.Lines), second.Total);
        Assert.Equal("2023-Q2", second.Period.Label);

        // The provider sees what it will be paid — the approved statement — never the draft, nor another provider's.
        var staff = new Caller(test.Workspace, new AccessUser("staff@wf01", Role.ProviderStaff, AccessScope.OfProviders(["WF01"])), "payments", "test");
        var otherStaff = new Caller(test.Workspace, new AccessUser("staff@wf02", Role.ProviderStaff, AccessScope.OfProviders(["WF02"])), "payments", "test");
        Assert.Equal([first.Id], PaymentRuns.List(staff).Select(s => s.Id));
        Assert.Equal(paidRows, Csv(PaymentRuns.Show(staff, first.Id)));
        Assert.True(Assert.Throws<AccessDeniedException>(() => PaymentRuns.Show(staff, second.Id)).NotFound);
        Assert.Empty(PaymentRuns.List(otherStaff));
        Assert.True(Assert.Throws<AccessDeniedException>(() => PaymentRuns.Show(otherStaff, first.Id)).NotFound);
        Assert.False(Assert.Throws<AccessDeniedException>(() => PaymentRuns.Approve(staff, second.Id)).NotFound);
    }

    [Fact]
    public void A_person_who_completes_twice_in_a_quarter_is_paid_once()
    {
        using var test = new TestWorkspace();
        var county = Path.Combine(test.Root, "county");
        new CountyGenerator(new SynthOptions { People = 8_000, Seed = 1, Months = 9 }).Generate(county);
        var months = Directory.GetDirectories(Path.Combine(county, "workforce")).Order(StringComparer.Ordinal).ToList();
        // A completed first-quarter enrolment at WF01 (the first columns are ids and dates, without commas),
        // enrolled a second time the same quarter under a new id: the same person completes twice.
        var (file, line) = months.Select(m => Path.Combine(m, "enrollments.csv")).SelectMany(f => File.ReadLines(f).Skip(1).Select(l => (File: f, Line: l)))
            .Last(r => r.Line.Split(',') is var c && c[3] == "WF01" && string.CompareOrdinal(c[4], "20230401") < 0 && c[6].Length > 0);
        File.AppendAllText(file, "X" + line + "\n");
        foreach (var month in months)
        {
            Assert.True(test.Ingest("workforce", month).Succeeded);
        }

        var admin = Caller.Operator(test.Workspace);
        var registry = ContractingFile.Read("registry.yaml", Registry);
        ProviderRegistry.Import(admin, registry, "test");
        ContractRegistry.Import(admin, [registry], "test");
        var run = new MetricStore(test.Workspace).Compute(MetricCatalog.Find(MetricCatalog.Load(test.Workspace), Metric), "tester@test", DateTime.UtcNow);

        var statement = PaymentRuns.Run(admin, "WF01-2023", "2023-Q1");

        var numerators = new PublishedMetrics(test.Workspace).Results(Metric, "provider_id", runId: run.Id).Where(r => r.GroupValue == "WF01" && r.PeriodStart < new DateOnly(2023, 4, 1)).Sum(r => r.Numerator!.Value);
        var paid = statement.Lines.Single(l => l.Kind == StatementLineKind.Outcome).Count!.Value;
        Assert.Equal(numerators - 1, paid);
        Assert.Equal(paid, PaymentRuns.Persons(admin, statement.Id).Count);
    }

    [Fact]
    public void A_period_outside_the_contract_or_a_contract_without_terms_is_refused_and_nothing_is_written()
    {
        using var test = new TestWorkspace();
        var admin = Caller.Operator(test.Workspace);
        var file = ContractingFile.Read("registry.yaml", Registry);
        ProviderRegistry.Import(admin, file, "test");
        ContractRegistry.Import(admin, [file], "test");

        Assert.Contains("not a payment period of contract WF01-2023", Assert.Throws<WorkspaceException>(() => PaymentRuns.Run(admin, "WF01-2023", "2024-Q1")).Message, StringComparison.Ordinal);
        Assert.Contains("not a period", Assert.Throws<WorkspaceException>(() => PaymentRuns.Run(admin, "WF01-2023", "2023-Q5")).Message, StringComparison.Ordinal);
        Assert.True(Assert.Throws<AccessDeniedException>(() => PaymentRuns.Run(admin, "WF09-2023", "2023-Q1")).NotFound);
        Assert.Empty(PaymentRuns.List(admin));
    }

    private static List<string> Csv(PaymentStatement statement) =>
        [.. statement.Rows().Select(r => Core.Text.CsvWriter.Line(r))];
}
