using Tessera.Governance.Access;
using Tessera.Governance.Agreements;
using Tessera.Governance.Audit;
using Tessera.Storage.Access;
using Tessera.Storage.Agreements;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Tests;

/// <summary>
/// Agreements as records, on both engines: imported whole or not at all, approved by each party as
/// itself (a data partner as its own source only), a changed text is a new version approved afresh,
/// a revoked data sharing agreement cuts off the licence that uses its source, and each role sees
/// only the agreements it is party to.
/// </summary>
public sealed class AgreementRegistryTests
{
    private const string File = """
        emou: { id: county-emou, parties: [homelessness, workforce], review_body: review-body, start: 2024-01-01, end: 2028-12-31 }
        dsas:
          - { id: dsa-hmis, partner: homelessness, sources: [homelessness], transfer: plaintext, destroy_on: 2028-12-31 }
          - { id: dsa-wf, partner: workforce, sources: [workforce], transfer: encoded, destroy_on: 2028-12-31 }
        duls:
          - id: dul-eval-1
            licensee: analyst@university.example
            project: shelter-to-work
            purpose: Do shelter exits to housing raise employment?
            sources: { homelessness: [Client, Enrollment, Exit], workforce: [participants, ui_wages] }
            level: deidentified
            start: 2024-01-01
            end: 2030-12-31
        """;

    public static TheoryData<Engine> Engines => new(Engine.Embedded, Engine.PostgreSql);

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void Agreements_are_approved_by_their_parties_and_a_revoked_sharing_agreement_cuts_off_the_licence(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        var admin = Caller.Operator(test.Workspace);
        var hmis = new Caller(test.Workspace, new AccessUser("hmis-lead@test", Role.DataPartner, AccessScope.OfSources(["homelessness"])), "agreements", "test");
        var analyst = new Caller(test.Workspace, new AccessUser("analyst@university.example", Role.Analyst, AccessScope.None), "agreements", "test");
        var other = new Caller(test.Workspace, new AccessUser("benefits-lead@test", Role.DataPartner, AccessScope.OfSources(["benefits"])), "agreements", "test");

        Assert.Equal(4, AgreementRegistry.Import(admin, AgreementsFile.Read("a.yaml", File)).Added.Count);
        Assert.Throws<WorkspaceException>(() => AgreementRegistry.Import(admin, AgreementsFile.Read("b.yaml", File.Replace("sources: [workforce]", "sources: [payroll]", StringComparison.Ordinal))));
        Assert.Throws<AccessDeniedException>(() => AgreementRegistry.Import(hmis, AgreementsFile.Read("a.yaml", File)));

        // Everyone approves as themselves; the HMIS lead cannot approve for workforce, nor twice.
        foreach (var id in new[] { "county-emou", "dsa-hmis", "dul-eval-1" })
        {
            AgreementRegistry.Approve(hmis, id, "homelessness");
        }

        Assert.True(Assert.Throws<AccessDeniedException>(() => AgreementRegistry.Approve(hmis, "dul-eval-1", "workforce")).NotFound);
        Assert.Throws<WorkspaceException>(() => AgreementRegistry.Approve(hmis, "dul-eval-1", "homelessness"));
        Assert.Throws<WorkspaceException>(() => AgreementRegistry.Approve(admin, "dsa-hmis", "workforce")); // not one of its approvers
        foreach (var (id, party) in new[] { ("county-emou", "workforce"), ("county-emou", "review-body"), ("dsa-hmis", "review-body"), ("dsa-wf", "workforce"), ("dsa-wf", "review-body"), ("dul-eval-1", "workforce"), ("dul-eval-1", "review-body") })
        {
            AgreementRegistry.Approve(admin, id, party);
        }

        var today = DateOnly.FromDateTime(test.Workspace.UtcNow);
        Assert.All(AgreementRegistry.List(admin), s => Assert.Equal(AgreementStatus.Active, s.Status));
        var fields = new[] { ("homelessness", "Exit", "ExitDate"), ("workforce", "ui_wages", "wages") };
        Assert.Empty(AgreementRegistry.Set(test.Workspace).ReleaseRefusals("dul-eval-1", fields, today));

        // Who sees what: the HMIS lead its own agreements, the analyst its licence, another partner nothing.
        Assert.Equal(["county-emou", "dsa-hmis", "dul-eval-1"], AgreementRegistry.List(hmis).Select(s => s.Id));
        Assert.Equal(["dul-eval-1"], AgreementRegistry.List(analyst).Select(s => s.Id));
        Assert.Empty(AgreementRegistry.List(other));

        // A changed licence is a new version: approved afresh, the earlier approvals kept on record.
        var changed = AgreementRegistry.Import(admin, AgreementsFile.Read("a.yaml", File.Replace("end: 2030-12-31", "end: 2031-12-31", StringComparison.Ordinal)));
        Assert.Equal(["dul-eval-1"], changed.Changed);
        var again = AgreementRegistry.List(admin).Single(s => s.Id == "dul-eval-1");
        Assert.Equal((2, AgreementStatus.Draft, 3), (again.Version, again.Status, again.Missing.Count));
        foreach (var party in new[] { "homelessness", "workforce", "review-body" })
        {
            AgreementRegistry.Approve(admin, "dul-eval-1", party);
        }

        // Revoking workforce's sharing agreement stops the licence at once.
        Assert.Equal(AgreementStatus.Revoked, AgreementRegistry.Revoke(admin, "dsa-wf").Status);
        Assert.Throws<WorkspaceException>(() => AgreementRegistry.Revoke(admin, "dsa-wf"));
        var set = AgreementRegistry.Set(test.Workspace);
        Assert.Equal(["dul-eval-1"], set.DependentLicences("dsa-wf").Select(d => d.Id));
        Assert.Equal([$"The data sharing agreement of source workforce dsa-wf was revoked on {today:yyyy-MM-dd}."], set.ReleaseRefusals("dul-eval-1", fields, today));
        Assert.Contains(test.Workspace.Audit.Records(), r => r.Event.Actor == "hmis-lead@test" && r.Event.Outcome == AuditOutcome.Denied && r.Event.Target == "agreement dul-eval-1: approval as workforce");
    }
}
