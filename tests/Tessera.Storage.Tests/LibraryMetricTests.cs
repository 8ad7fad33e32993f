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
/// through record linkage (the wage file has no participant number).
/// </summary>
public sealed class LibraryMetricTests : IDisposable
{
    private const string Participants = """
        participant_id,participant_name,birth_date,ssn,gender,race,ethnicity,zip,phone
        P1,"LEE, ANN",19800101,123-45-6789,F,WHITE,NOT HISPANIC,59201,
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
        W1,123456789,LEE,ANN,11-1111111,2024,3,5000
        W2,123456789,LEE,ANN,22-2222222,2024,3,1000
        W3,234567890,RAY,BOB,11-1111111,2024,3,3000
        W4,456789012,FOX,DI,33-3333333,2024,4,0
        W5,456789012,FOX,DI,33-3333333,2025,1,800
        W6,123456789,LEE,ANN,11-1111111,2025,1,100
        """;

    private readonly TestWorkspace _test = new();
    private readonly MetricStore _store;

    public LibraryMetricTests()
    {
        var folder = _test.WriteFolder("workforce", ("participants.csv", Csv(Participants)), ("referrals.csv", Csv(Referrals)), ("enrollments.csv", Csv(Enrollments)), ("ui_wages.csv", Csv(Wages)));
        var outcome = _test.Ingest(new Intake.Delivering.DeliveryRequest { Source = "workforce", Paths = [folder], Period = "2025-12" });
        Assert.True(outcome.Succeeded, outcome.RejectionReason);
        Assert.Equal(0, outcome.RowsQuarantined);
        WorkspaceLinker.Run(_test.Workspace, "tester@test", new WorkspaceLinkOptions
        {
            Linkage = new WorkspaceLinkOptions().Linkage with { DeterministicRules = [[Linkage.Records.StandardColumn.Ssn]] },
        });
        _store = new MetricStore(_test.Workspace);
        var catalog = MetricCatalog.Load(_test.Workspace);
        _store.Compute([.. catalog.Where(e => e.Definition.Population.Source == "workforce")], "tester@test", DateTime.UtcNow, null, null, (entry, _, problem) => Assert.True(problem is null, $"{entry.Definition.Id}: {problem?.Message}"));
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

    public void Dispose() => _test.Dispose();

    private List<(string, long, long, double)> Rows(string metric) =>
        [.. _store.Results(metric).Select(r => (r.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Numerator ?? 0, r.Denominator!.Value, Math.Round(r.Value!.Value, 9)))];

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n") + "\n");
}
