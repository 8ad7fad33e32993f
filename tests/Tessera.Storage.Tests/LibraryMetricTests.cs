using System.Globalization;
using System.Text;
using Tessera.Storage.Linking;
using Tessera.Storage.Metrics;

namespace Tessera.Storage.Tests;

/// <summary>
/// The workforce metrics of the standard library on a hand-made delivery in the county's own
/// format, with every answer worked out below: a referral enrolled on its 91st day (outside the
/// 90-day window), one still inside its window at the data's end (left out), wages from two
/// employers in one quarter, a zero-wage record, and wage records joined to participants only
/// through record linkage (the wage file has no participant number); and the two-generation
/// metric, which reaches the same wage records from child-care parents in another agency.
/// </summary>
public sealed class LibraryMetricTests : IDisposable
{
    private const string Participants = """
        participant_id,participant_name,birth_date,ssn,gender,race,ethnicity,zip,phone
        P1,"LEE, ANN",19800101,223-45-6789,F,WHITE,NOT HISPANIC,59201,
        P2,"RAY, BOB",19750505,234-56-7890,M,BLACK,NOT HISPANIC,59201,
        P3,"DEE, CY",19900303,345-67-8901,M,ASIAN,HISPANIC,59202,
        P4,"FOX, DI",19850707,456-78-9012,F,WHITE,HISPANIC,59202,
        """;

    // F1 enrols after 15 days; F2 after 91 (outside the window); F3 never; F4 the same day; F5's window is still open on 2025-12-31.
    private const string Referrals = """
        referral_id,participant_id,provider_id,provider_name,program,referral_date,referral_source
        F1,P1,WF01,Pathways Works,JOB_TRAINING,20240105,AJC
        F2,P2,WF01,Pathways Works,JOB_TRAINING,20240110,SELF
        F3,P3,WF02,Second Start Center,JOB_TRAINING,20240115,TANF
        F4,P4,WF02,Second Start Center,JOB_TRAINING,20240201,AJC
        F5,P1,WF01,Pathways Works,JOB_TRAINING,20251115,AJC
        """;

    private const string Enrollments = """
        enrollment_id,referral_id,participant_id,provider_id,enrollment_date,first_day_attended,completion_date,exit_date,exit_reason,credential_attained,cost,updated_on
        E1,F1,P1,WF01,20240120,Y,20240315,20240315,COMPLETED,Y,4000,20240315
        E2,F2,P2,WF01,20240410,N,,20240501,NO_SHOW,N,0,20240501
        E4,F4,P4,WF02,20240201,Y,,20240630,DROPPED_OUT,N,2000,20240630
        """;

    // P1 (exit Q1 2024): two employers in Q3 2024 (the 2nd quarter after) and wages in Q1 2025 (the 4th). P2 (exit Q2): wages in Q3 only.
    // P4 (exit Q2): a zero-wage record in Q4 2024 and wages in Q1 2025 — neither the 2nd nor the 4th quarter with wages.
    private const string Wages = """
        wage_record_id,ssn,last_name,first_name,employer_fein,year,quarter,wages
        W1,223456789,LEE,ANN,11-1111111,2024,3,5000
        W2,223456789,LEE,ANN,22-2222222,2024,3,1000
        W3,234567890,RAY,BOB,11-1111111,2024,3,3000
        W4,456789012,FOX,DI,33-3333333,2024,4,0
        W5,456789012,FOX,DI,33-3333333,2025,1,800
        W6,223456789,LEE,ANN,11-1111111,2025,1,100
        """;

    private const string Parents = """
        parent_id,first_name,middle_name,last_name,birth_date,ssn,phone,street,city,zip
        G1,Ann,,Lee,1980-01-01,223-45-6789,,1 Main St,Riverton,59201
        G2,Bob,,Ray,1975-05-05,234-56-7890,,2 Main St,Riverton,59201
        G3,Eve,,Cho,1992-09-09,,,3 Main St,Riverton,59201
        """;

    private const string Children = """
        child_id,first_name,last_name,birth_date,gender
        K1,Kim,Lee,2021-01-01,Female
        K2,Kai,Ray,2022-02-02,Male
        K3,Kit,Cho,2023-03-03,Male
        """;

    // Q1 2024 starts (wages looked for in Q3 2024): A1 and A5 (one parent, two children's authorisations) find Ann's wages; A3's parent has no SSN and links to nobody.
    // A2 starts in Q2 (Q4 2024: Bob has none). A4 starts in Q4 2025: its Q2 2026 is after the data's end (left out).
    private const string Authorizations = """
        authorization_id,child_id,parent_id,provider_id,provider_name,start_date,end_date,hours_per_week,copay_monthly
        A1,K1,G1,CC101,Little Oaks,2024-01-10,2024-07-09,35,89.00
        A5,K1,G1,CC102,Bright Start,2024-03-31,2024-09-30,20,40.00
        A3,K3,G3,CC101,Little Oaks,2024-01-20,2024-07-19,30,60.00
        A2,K2,G2,CC101,Little Oaks,2024-04-15,2024-10-14,30,86.00
        A4,K1,G1,CC101,Little Oaks,2025-10-01,2026-03-31,35,89.00
        """;

    private readonly TestWorkspace _test = new();
    private readonly PublishedMetrics _store;

    public LibraryMetricTests()
    {
        var folder = _test.WriteFolder("workforce", ("participants.csv", Csv(Participants)), ("referrals.csv", Csv(Referrals)), ("enrollments.csv", Csv(Enrollments)), ("ui_wages.csv", Csv(Wages)));
        var outcome = _test.Ingest(new Intake.Delivering.DeliveryRequest { Source = "workforce", Paths = [folder], Period = "2025-12" });
        Assert.True(outcome.Succeeded, outcome.RejectionReason);
        Assert.Equal(0, outcome.RowsQuarantined);
        var childCare = _test.WriteFolder("child_care", ("parents.csv", Csv(Parents)), ("children.csv", Csv(Children)), ("authorizations.csv", Csv(Authorizations)));
        outcome = _test.Ingest(new Intake.Delivering.DeliveryRequest { Source = "child_care", Paths = [childCare], Period = "2025-12" });
        Assert.True(outcome.Succeeded, outcome.RejectionReason);
        Assert.Equal(0, outcome.RowsQuarantined);
        WorkspaceLinker.Run(_test.Workspace, "tester@test", new WorkspaceLinkOptions
        {
            Linkage = new WorkspaceLinkOptions().Linkage with { DeterministicRules = [[Linkage.Records.StandardColumn.Ssn]] },
        });
        _store = new PublishedMetrics(_test.Workspace);
        var catalog = MetricCatalog.Load(_test.Workspace);
        // The metrics that read these two sources only (the post-exit arrest measure also reads corrections).
        new MetricStore(_test.Workspace).Compute([.. catalog.Where(e => Tessera.Metrics.Compilation.MetricSql.Files(e.Definition).All(f => f.Source is "workforce" or "child_care"))], "tester@test", DateTime.UtcNow, null, null, (entry, _, problem) => Assert.True(problem is null, $"{entry.Definition.Id}: {problem?.Message}"));
    }

    [Fact]
    public void Take_up_counts_enrolments_within_90_days_and_leaves_out_open_windows() =>
        Assert.Equal([("2024-01-01", 1L, 3L, Math.Round(1.0 / 3, 9)), ("2024-02-01", 1L, 1L, 1.0)], Rows("acm-referral-to-enrolment"));

    [Fact]
    public void Days_to_enrolment_is_the_median_among_referrals_that_enrolled() =>
        Assert.Equal([("2024-01-01", 1L, 3L, 15.0), ("2024-02-01", 1L, 1L, 0.0)], Rows("acm-days-referral-to-enrolment"));

    [Fact]
    public void First_day_attendance_and_completion_are_by_month_of_enrolment()
    {
        Assert.Equal([("2024-01-01", 1L, 1L, 1.0), ("2024-02-01", 1L, 1L, 1.0), ("2024-04-01", 0L, 1L, 0.0)], Rows("acm-first-day-attendance"));
        Assert.Equal([("2024-01-01", 1L, 1L, 1.0), ("2024-02-01", 0L, 1L, 0.0), ("2024-04-01", 0L, 1L, 0.0)], Rows("acm-training-completion"));
    }

    [Fact]
    public void Credential_and_spending_per_client_are_by_quarter_of_exit()
    {
        Assert.Equal([("2024-01-01", 1L, 1L, 1.0), ("2024-04-01", 0L, 2L, 0.0)], Rows("wioa-credential-attainment"));
        Assert.Equal([("2024-01-01", 0L, 1L, 4000.0), ("2024-04-01", 0L, 2L, 1000.0)], Rows("acm-spending-per-client"));
    }

    [Fact]
    public void Employment_after_exit_reads_the_linked_wage_records_of_the_right_quarter()
    {
        Assert.Equal([("2024-01-01", 1L, 1L, 1.0), ("2024-04-01", 0L, 2L, 0.0)], Rows("wioa-employment-q2"));
        Assert.Equal([("2024-01-01", 1L, 1L, 1.0), ("2024-04-01", 0L, 2L, 0.0)], Rows("wioa-employment-q4"));
    }

    [Fact]
    public void Median_earnings_add_up_every_employer_of_the_quarter()
    {
        var results = _store.Results("wioa-median-earnings-q2");
        Assert.Equal((1L, 6000.0), (results[0].Denominator!.Value, results[0].Value!.Value));
        Assert.Equal((0L, (double?)null), (results[1].Denominator!.Value, results[1].Value));
    }

    [Fact]
    public void Parent_employment_after_a_subsidy_finds_the_parents_wages_in_another_agency() =>
        Assert.Equal([("2024-01-01", 2L, 3L, Math.Round(2.0 / 3, 9)), ("2024-04-01", 0L, 1L, 0.0)], Rows("twogen-parent-employment-after-subsidy"));

    public void Dispose() => _test.Dispose();

    private List<(string, long, long, double)> Rows(string metric) =>
        [.. _store.Results(metric).Select(r => (r.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Numerator ?? 0, r.Denominator!.Value, Math.Round(r.Value!.Value, 9)))];

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n") + "\n");
}
