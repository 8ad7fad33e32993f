using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Access;
using Tessera.Storage.Metrics;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Tests;

/// <summary>
/// A source's protections (42 CFR Part 2 here) are carried into every metric derived from it: its
/// person-level rows go to administrators and the source's own data partner only — a contract
/// manager is refused, naming the law, and the refusal is on record — while metrics of unprotected
/// sources are unaffected.
/// </summary>
public sealed class ProtectedRecordsTests
{
    private const string Treatment = """
        source: treatment
        title: Substance use disorder treatment admissions
        agency: County behavioral health
        protections: [part2]
        files:
          - name: admissions
            primary_key: [admission_id]
            person_key: client_id
            fields:
              - { name: admission_id, type: string, required: true }
              - { name: client_id, type: string, required: true, sensitivity: quasi_identifier }
              - { name: provider_id, type: string, required: true }
              - { name: admission_date, type: date, required: true }
              - { name: completed, type: string, codes: { Y: Completed, N: Not completed } }
        """;

    private const string Metric = """
        id: treatment-completion
        version: 1
        title: Treatment completion
        description: Share of admissions completed.
        polarity: higher_is_better
        unit: admission
        population: { source: treatment, file: admissions, anchor: admission_date }
        numerator: { where: [{ field: completed, equal_to: "Y" }] }
        value: rate
        group_by: [provider_id]
        period: month
        """;

    [Fact]
    public void Person_level_rows_derived_from_a_Part_2_source_go_to_administrators_and_its_partner_only()
    {
        using var test = new TestWorkspace();
        test.Workspace.Sources.Add("treatment", Treatment, "treatment.yaml", DateTime.UtcNow);
        Directory.CreateDirectory(Path.Combine(test.Folder, MetricCatalog.Folder));
        File.WriteAllText(Path.Combine(test.Folder, MetricCatalog.Folder, "treatment-completion.yaml"), Metric);
        var catalog = MetricCatalog.Load(test.Workspace);
        var treatment = MetricCatalog.Find(catalog, "treatment-completion").Definition;
        var training = MetricCatalog.Find(catalog, "acm-training-completion").Definition;

        Assert.Equal(["part2"], ProtectedRecords.Of(test.Workspace, treatment)["treatment"]);
        Assert.Empty(ProtectedRecords.Of(test.Workspace, training));
        Assert.Equal(["42 CFR Part 2 (substance use disorder treatment records)"], ProtectedRecords.LawsOf(test.Workspace, "treatment"));
        Assert.Contains("42 CFR Part 2", ProtectedRecords.Describe(ProtectedRecords.Of(test.Workspace, treatment)), StringComparison.Ordinal);

        var manager = new Caller(test.Workspace, new AccessUser("contracts@test", Role.ContractManager, AccessScope.OfSources(["treatment"])), "contract management", "test");
        var partner = new Caller(test.Workspace, new AccessUser("bh-lead@test", Role.DataPartner, AccessScope.OfSources(["treatment"])), "operations", "test");
        var other = new Caller(test.Workspace, new AccessUser("hmis-lead@test", Role.DataPartner, AccessScope.OfSources(["homelessness"])), "operations", "test");
        var refused = Assert.Throws<WorkspaceException>(() => ProtectedRecords.PermitPersonLevel(manager, treatment, "case-file sample of contract BH01-2025, treatment-completion"));
        Assert.Contains("42 CFR Part 2", refused.Message, StringComparison.Ordinal);
        Assert.Throws<WorkspaceException>(() => ProtectedRecords.PermitPersonLevel(other, treatment, "persons behind metric treatment-completion"));
        ProtectedRecords.PermitPersonLevel(partner, treatment, "persons behind metric treatment-completion");
        ProtectedRecords.PermitPersonLevel(Caller.Operator(test.Workspace), treatment, "persons behind metric treatment-completion");
        ProtectedRecords.PermitPersonLevel(manager, training, "case-file sample of contract WF01-2025, acm-training-completion");

        Assert.Contains(test.Workspace.Audit.Records(), r => r.Event.Actor == "contracts@test" && r.Event.Outcome == AuditOutcome.Denied
            && r.Event.Target.StartsWith("case-file sample of contract BH01-2025, treatment-completion: Derived from records protected by 42 CFR Part 2", StringComparison.Ordinal));
    }
}
