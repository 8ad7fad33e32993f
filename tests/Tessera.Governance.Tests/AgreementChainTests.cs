using Tessera.Governance.Agreements;

namespace Tessera.Governance.Tests;

/// <summary>
/// The eMOU → DSA → DUL chain: the minimal agreements file reads as written; a release is
/// allowed only when every link is approved by everyone who must and active on the day, and only
/// for fields the licence names; every refusal says why.
/// </summary>
public sealed class AgreementChainTests
{
    private const string Minimal = """
        emou: { id: county-emou, parties: [benefits, child_welfare, homelessness, workforce, corrections, child_care], review_body: review-body, start: 2024-01-01, end: 2028-12-31 }
        dsas:
          - { id: dsa-hmis, partner: homelessness, sources: [homelessness], transfer: plaintext, destroy_on: 2028-12-31 }
          - { id: dsa-wf, partner: workforce, sources: [workforce], transfer: plaintext, destroy_on: 2028-12-31 }
        duls:
          - id: dul-eval-1
            licensee: analyst@university.example
            project: shelter-to-work
            purpose: Do shelter exits to housing raise employment?
            sources: { homelessness: [Client, Enrollment, Exit], workforce: [participants, ui_wages] }
            level: deidentified          # or limited
            start: 2025-01-01
            end: 2025-12-31
        """;

    private static readonly DateOnly Midyear = new(2025, 6, 1);

    private static readonly (string, string, string)[] Fields = [("homelessness", "Exit", "ExitDate"), ("workforce", "ui_wages", "wages"), ("workforce", "participants", "birth_date")];

    [Fact]
    public void The_minimal_agreements_file_reads_as_written()
    {
        var file = AgreementsFile.Read("agreements.yaml", Minimal);

        Assert.Equal(("county-emou", "review-body", 6), (file.Emou!.Id, file.Emou.ReviewBody, file.Emou.Parties.Count));
        Assert.Equal(["dsa-hmis", "dsa-wf"], file.Dsas.Select(d => d.Id));
        Assert.Equal((Transfer.Plaintext, new DateOnly(2028, 12, 31)), (file.Dsas[0].Transfer, file.Dsas[0].DestroyOn!.Value));
        var dul = Assert.Single(file.Duls);
        Assert.Equal(("analyst@university.example", "shelter-to-work", ReleaseLevel.Deidentified), (dul.Licensee, dul.Project, dul.Level));
        Assert.Equal(["Client", "Enrollment", "Exit"], dul.Sources["homelessness"]);
        Assert.True(dul.Covers("homelessness", "exit", "ExitDate"));
        Assert.False(dul.Covers("homelessness", "Disabilities", "DisabilityType"));
    }

    [Fact]
    public void A_licence_is_approved_by_the_partner_of_every_source_it_uses_and_the_review_body()
    {
        var set = Set();

        Assert.Equal(["homelessness", "workforce", "review-body"], set.Approvers("dul-eval-1"));
        Assert.Equal(["workforce", "review-body"], set.Approvers("dsa-wf"));
        Assert.Equal(7, set.Approvers("county-emou").Count);
        Assert.Equal(AgreementStatus.Draft, set.Status("dul-eval-1", Midyear));
        Assert.Equal(["dul-eval-1"], set.DependentLicences("dsa-wf").Select(d => d.Id));
        Assert.Empty(set.DependentLicences("nothing"));
    }

    [Fact]
    public void A_release_under_an_active_chain_for_the_licences_fields_is_allowed()
    {
        var set = Approved();

        Assert.Equal(AgreementStatus.Active, set.Status("dul-eval-1", Midyear));
        Assert.Empty(set.ReleaseRefusals("dul-eval-1", Fields, Midyear));
        Assert.Equal(AgreementStatus.Approved, set.Status("dul-eval-1", new DateOnly(2024, 12, 31)));
    }

    [Fact]
    public void A_release_without_the_licence_or_outside_it_is_refused_with_the_reason()
    {
        var set = Approved();

        Assert.Equal(["There is no data use licence 'dul-nope'."], set.ReleaseRefusals("dul-nope", Fields, Midyear));
        Assert.Equal(["homelessness.Disabilities.DisabilityType is not among the fields licence dul-eval-1 names."],
            set.ReleaseRefusals("dul-eval-1", [.. Fields, ("homelessness", "Disabilities", "DisabilityType")], Midyear));
        Assert.Equal(["The data use licence dul-eval-1 ended on 2025-12-31."], set.ReleaseRefusals("dul-eval-1", Fields, new DateOnly(2026, 1, 5)));
        Assert.Equal(["The data use licence dul-eval-1 starts on 2025-01-01."], set.ReleaseRefusals("dul-eval-1", Fields, new DateOnly(2024, 12, 1)));
    }

    [Fact]
    public void A_release_after_a_dependent_data_sharing_agreement_ended_or_was_revoked_is_refused()
    {
        var file = AgreementsFile.Read("agreements.yaml", Minimal.Replace("sources: [workforce], transfer: plaintext, destroy_on: 2028-12-31", "sources: [workforce], transfer: plaintext, destroy_on: 2025-03-31", StringComparison.Ordinal));
        var ended = Approved(file);
        Assert.Equal(["The data sharing agreement of source workforce dsa-wf ended on 2025-03-31."], ended.ReleaseRefusals("dul-eval-1", Fields, Midyear));

        var revoked = Approved(revoke: "dsa-hmis");
        Assert.Equal(AgreementStatus.Revoked, revoked.Status("dsa-hmis", Midyear));
        Assert.Equal(["The data sharing agreement of source homelessness dsa-hmis was revoked on 2025-05-01."], revoked.ReleaseRefusals("dul-eval-1", Fields, Midyear));
        Assert.Empty(revoked.ReleaseRefusals("dul-eval-1", Fields, new DateOnly(2025, 4, 30))); // the day before, it still held
    }

    [Fact]
    public void A_release_without_every_partners_approval_is_refused_naming_who_is_missing()
    {
        var set = Approved(without: ("dul-eval-1", "workforce"));

        Assert.Equal(["workforce"], set.MissingApprovals("dul-eval-1"));
        Assert.Equal(["The data use licence dul-eval-1 is not approved by workforce."], set.ReleaseRefusals("dul-eval-1", Fields, Midyear));
    }

    [Fact]
    public void Where_the_MOU_asks_for_community_review_a_licence_waits_for_the_consultation()
    {
        var file = AgreementsFile.Read("agreements.yaml", Minimal.Replace("end: 2028-12-31 }", "end: 2028-12-31, community_review: true }", StringComparison.Ordinal));

        var waiting = Approved(file);
        Assert.Equal(["The data use licence dul-eval-1 has no record of the community advisory team's consultation, which the enterprise MOU requires."],
            waiting.ReleaseRefusals("dul-eval-1", Fields, Midyear));
        Assert.Empty(Approved(file, consulted: true).ReleaseRefusals("dul-eval-1", Fields, Midyear));
    }

    [Fact]
    public void Every_problem_of_an_agreements_file_is_listed_with_its_line()
    {
        const string bad = """
            emou: { id: e, parties: [], review_body: rb, start: 2024-01-01, end: 2023-01-01 }
            dsas:
              - { id: f, partner: workforce, sources: [workforce], transfer: by-fax }
              - { id: e, partner: benefits, sources: [benefits], transfer: encoded }
            duls:
              - { id: d, licensee: a, project: p, purpose: x, level: anonymous, start: 2025-01-01, end: 2025-12-31, colour: blue }
            """;

        var problems = Assert.Throws<AgreementsFileException>(() => AgreementsFile.Read("bad.yaml", bad)).Problems;

        Assert.Contains(problems, p => p.StartsWith("line 1, emou.parties:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("line 1, emou.end:", StringComparison.Ordinal) && p.Contains("ends before it starts", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("line 3, dsas[0].transfer:", StringComparison.Ordinal) && p.Contains("plaintext or encoded", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("line 6, duls[0]:", StringComparison.Ordinal) && p.Contains("unknown key 'colour'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("line 6, duls[0].level:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("line 6, duls[0].sources:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("the id 'e' names 2 agreements", StringComparison.Ordinal));
    }

    private static AgreementSet Set(AgreementsFile? file = null)
    {
        file ??= AgreementsFile.Read("agreements.yaml", Minimal);
        return new AgreementSet(file.Emou, file.Dsas, file.Duls);
    }

    // Every agreement approved by everyone who must on 2024-12-01, but for the one approval left out; one agreement revoked on 2025-05-01 if named.
    private static AgreementSet Approved(AgreementsFile? file = null, (string Id, string Party)? without = null, string? revoke = null, bool consulted = false)
    {
        var set = Set(file);
        var ids = new[] { set.Emou!.Id }.Concat(set.Dsas.Select(d => d.Id)).Concat(set.Duls.Select(d => d.Id));
        var states = ids.ToDictionary(id => id, id => new AgreementState(
            set.Approvers(id).Where(a => (id, a) != without).ToDictionary(a => a, _ => new DateOnly(2024, 12, 1)),
            consulted ? new DateOnly(2024, 11, 1) : null,
            id == revoke ? new DateOnly(2025, 5, 1) : null));
        return new AgreementSet(set.Emou, set.Dsas, set.Duls, states);
    }
}
