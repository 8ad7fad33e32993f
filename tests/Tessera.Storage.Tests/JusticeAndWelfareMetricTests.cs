using System.Globalization;
using System.Text;
using Tessera.Storage.Linking;
using Tessera.Storage.Metrics;

namespace Tessera.Storage.Tests;

/// <summary>
/// The recidivism, CFSR and family-preservation metrics of the standard library on hand-made
/// deliveries in the county's own formats, every answer worked out in the comments: an arrest on
/// the 366th day after release (a leap year), an arrest before release, a conviction reached
/// through its arrest's SID, a discharge to adoption after a year, an allegation within 14 days of
/// the first (the same incident), an episode still going on, follow-up windows still open.
/// </summary>
public sealed class JusticeAndWelfareMetricTests : IDisposable
{
    private const string Inmates = """
        doc_number,last_name,first_name,middle_name,suffix,dob,ssn,sex,race
        D1,LEE,ANN,,,1980-01-01,123456789,F,W
        D2,RAY,BOB,,,1975-05-05,234567890,M,B
        D3,DEE,CY,,,1990-03-03,345678901,M,A
        """;

    // R1: arrest after 303 days (counts), its conviction after 364 (counts). R2: arrest after 366 days (2024 is a leap year: out).
    // R3: an arrest 11 days before release (out). R4: released 2025-06-01, its year not over on 2025-12-31 (left out).
    // R5: arrest after 354 days with no conviction; its three years end 2025-05-01, the only release whose 3-year window has closed.
    private const string Releases = """
        release_id,doc_number,admission_date,release_date,release_type,facility
        R1,D1,2022-01-01,2023-02-01,PAROLE,FAC_A
        R2,D2,2022-06-01,2023-03-15,MAX_OUT,FAC_B
        R3,D3,2022-06-01,2023-05-01,PAROLE,FAC_A
        R4,D1,2024-01-01,2025-06-01,PAROLE,FAC_A
        R5,D3,2021-01-01,2022-05-01,PAROLE,FAC_B
        """;

    private const string Arrests = """
        arrest_id,sid,last_name,first_name,dob,sex,race,arrest_date,charge_level,arresting_agency
        A1,S1,LEE,ANN,1980-01-01,F,W,2023-12-01,F,RIVERTON PD
        A2,S2,RAY,BOB,1975-05-05,M,B,2024-03-15,M,RIVERTON PD
        A3,S3,DEE,CY,1990-03-03,M,A,2023-04-20,M,FAIRVIEW PD
        """;

    private const string Convictions = """
        conviction_id,arrest_id,disposition_date,offense_level,sentence_type
        C1,A1,2024-01-31,F,PRISON
        C2,A2,2024-04-01,M,FINE
        """;

    private const string Persons = """
        cw_person_id,first_name,middle_name,last_name,suffix,dob,dob_estimated,ssn,gender,race,hispanic
        M1,Amy,,Kelly,,7/2/1985,N,,Female,Black,No
        M2,Bea,,Moss,,3/3/1980,N,,Female,White,No
        M3,Cat,,Nash,,4/4/1990,N,,Female,White,Yes
        K1,Kim,,Kelly,,1/1/2015,N,,Female,Black,No
        K2,Kai,,Moss,,2/2/2016,N,,Male,White,No
        K3,Kit,,Nash,,3/3/2006,N,,Male,White,Yes
        """;

    private const string Reports = """
        report_id,received_date,reporter_type,screened_in,county
        RP0,1/5/2023,SCHOOL,Y,RIVERTON
        RP1,9/1/2023,RELATIVE,Y,RIVERTON
        RP2,5/1/2024,MEDICAL,Y,RIVERTON
        """;

    // Victim K1: AL0, AL3 seven days later (the same incident for AL0), AL1 232–239 days later (a recurrence for both). K2: AL2, no recurrence.
    // Perpetrator M1's AL1 falls 154 days after EP1 ended; M2's AL2 367 days after EP2 ended.
    private const string Allegations = """
        allegation_id,report_id,victim_person_id,perpetrator_person_id,maltreatment_type,investigation_start,disposition,disposition_date
        AL0,RP0,K1,M1,NEGLECT,1/5/2023,SUBSTANTIATED,2/1/2023
        AL3,RP0,K1,M1,NEGLECT,1/12/2023,SUBSTANTIATED,2/1/2023
        AL1,RP1,K1,M1,PHYSICAL_ABUSE,9/1/2023,INDICATED,10/1/2023
        AL2,RP2,K2,M2,NEGLECT,5/1/2024,INDICATED,6/1/2024
        """;

    // RM1 reunified after 325 days; RM2 adopted after 394; RM3 emancipated; RM4 is K1 back in care 62 days after RM1's discharge.
    private const string Removals = """
        removal_id,child_person_id,removal_date,removal_reason,discharge_date,discharge_reason
        RM1,K1,1/10/2023,NEGLECT,12/1/2023,REUNIFICATION
        RM2,K2,2/1/2023,NEGLECT,3/1/2024,ADOPTION
        RM3,K3,3/1/2023,NEGLECT,6/1/2023,EMANCIPATION
        RM4,K1,2/1/2024,NEGLECT,,
        """;

    private const string Placements = "placement_id,removal_id,child_person_id,begin_date,end_date,setting,provider_id";

    // EP1: 2 months, ended 2023-03-31. EP2: 4 months, ended 2023-04-30. EP3 ended 2025-06-30 (year not over). EP4 still going on.
    private const string Services = """
        episode_id,caregiver_person_id,report_id,provider_id,provider_name,start_date,end_date,months_of_service
        EP1,M1,RP0,FP01,Family First,2/1/2023,3/31/2023,2
        EP2,M2,RP0,FP02,Homebuilders,1/1/2023,4/30/2023,4
        EP3,M3,RP0,FP01,Family First,4/1/2025,6/30/2025,3
        EP4,M1,RP1,FP02,Homebuilders,10/1/2023,,
        """;

    private readonly TestWorkspace _test = new();
    private readonly PublishedMetrics _store;

    public JusticeAndWelfareMetricTests()
    {
        Deliver("corrections", ("inmates.csv", Inmates), ("releases.csv", Releases), ("arrests.csv", Arrests), ("convictions.csv", Convictions));
        Deliver("child_welfare", ("persons.csv", Persons), ("reports.csv", Reports), ("allegations.csv", Allegations), ("removals.csv", Removals), ("placements.csv", Placements), ("fp_services.csv", Services));
        WorkspaceLinker.Run(_test.Workspace, "tester@test", new WorkspaceLinkOptions
        {
            Linkage = new WorkspaceLinkOptions().Linkage with { DeterministicRules = [[Linkage.Records.StandardColumn.GivenName, Linkage.Records.StandardColumn.FamilyName, Linkage.Records.StandardColumn.BirthDate]] },
        });
        _store = new PublishedMetrics(_test.Workspace);
        var catalog = MetricCatalog.Load(_test.Workspace);
        new MetricStore(_test.Workspace).Compute([.. catalog.Where(e => e.Definition.Population.Source is "corrections" or "child_welfare")], "tester@test", DateTime.UtcNow, null, null,
            (entry, _, problem) => Assert.True(problem is null, $"{entry.Definition.Id}: {problem?.Message}"));
    }

    [Fact]
    public void Rearrest_and_reconviction_within_one_and_three_years_follow_the_released_person_across_numbering_systems()
    {
        Assert.Equal([("2022-04-01", 1L, 1L), ("2023-01-01", 1L, 2L), ("2023-04-01", 0L, 1L)], Rows("recidivism-rearrest-1y"));
        Assert.Equal([("2022-04-01", 0L, 1L), ("2023-01-01", 1L, 2L), ("2023-04-01", 0L, 1L)], Rows("recidivism-reconviction-1y"));
        Assert.Equal([("2022-01-01", 1L, 1L)], Rows("recidivism-rearrest-3y")); // by year of release
        Assert.Equal([("2022-01-01", 0L, 1L)], Rows("recidivism-reconviction-3y"));
    }

    [Fact]
    public void Reinvolvement_after_family_preservation_is_by_months_of_service()
    {
        Assert.Equal([("2023-01-01", "3 months or more", 0L, 1L), ("2023-01-01", "under 3 months", 1L, 1L)],
            _store.Results("fp-reinvolvement-12m", "months_of_service").Select(r => (Day(r.PeriodStart), r.GroupValue, r.Numerator!.Value, r.Denominator!.Value)));
    }

    [Fact]
    public void CFSR_recurrence_permanency_and_reentry()
    {
        Assert.Equal([("2023-01-01", 2L, 3L), ("2024-01-01", 0L, 1L)], Rows("cfsr-maltreatment-recurrence"));
        Assert.Equal([("2023-01-01", 1L, 3L), ("2024-01-01", 0L, 1L)], Rows("cfsr-permanency-12m"));
        Assert.Equal([("2023-01-01", 1L, 1L)], Rows("cfsr-reentry-12m"));
    }

    public void Dispose() => _test.Dispose();

    private List<(string, long, long)> Rows(string metric) =>
        [.. _store.Results(metric).Select(r => (Day(r.PeriodStart), r.Numerator!.Value, r.Denominator!.Value))];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private void Deliver(string source, params (string File, string Text)[] files)
    {
        var folder = _test.WriteFolder(source, [.. files.Select(f => (f.File, Encoding.UTF8.GetBytes(f.Text.ReplaceLineEndings("\n") + "\n")))]);
        var outcome = _test.Ingest(new Intake.Delivering.DeliveryRequest { Source = source, Paths = [folder], Period = "2025-12" });
        Assert.True(outcome.Succeeded, outcome.RejectionReason);
        Assert.Equal(0, outcome.RowsQuarantined);
    }
}
