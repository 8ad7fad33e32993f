using System.Text.Json;
using Tessera.Contracts.Files;
using Tessera.Contracts.Management;
using Tessera.Core.Time;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Management;
using Tessera.Storage.Metrics;
using Tessera.Storage.Workspaces;
using Tessera.Synthetic;

namespace Tessera.Storage.Tests;

/// <summary>
/// Active contract management on a synthetic county's workforce data, on both engines: the planted
/// collapse of WF03's referral-to-enrolment raises an alert in the collapse months; an alert is
/// acknowledged and becomes an action item; a meeting's agenda carries the alert, the open item and
/// the roadmap's topic, and the next meeting's agenda the items still open and the lessons of those
/// closed; a caseworker's report becomes an action item; each role sees only its share.
/// </summary>
public sealed class ActiveContractManagementTests
{
    private const string Registry = """
        providers:
          - { id: WF03, name: Riverton Job Partners, program: job-training, identifiers: [{ source: workforce, field: provider_id, value: WF03 }] }
          - { id: WF01, name: Pathways Works, program: job-training, identifiers: [{ source: workforce, field: provider_id, value: WF01 }] }
        contracts:
          - id: WF03-2024
            agency: workforce
            provider: WF03
            program: job-training
            start: 2024-01-01
            end: 2024-12-31
            metrics: [{ metric: acm-referral-to-enrolment, type: activity, target: 0.60, watch: 0.05 }]
          - id: WF01-2024
            agency: workforce
            provider: WF01
            program: job-training
            start: 2024-01-01
            end: 2024-12-31
            metrics:
              - { metric: acm-referral-to-enrolment, type: activity, target: 0.60, watch: 0.05 }
              - { metric: acm-training-completion, type: activity, target: 0.50, watch: 0.05 }
        """;

    public static TheoryData<Engine> Engines => new(Engine.Embedded, Engine.PostgreSql);

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void A_collapse_raises_an_alert_that_runs_through_action_items_and_agendas(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        var county = Path.Combine(test.Root, "county");
        new CountyGenerator(new SynthOptions { People = 20_000, Seed = 1, Months = 24 }).Generate(county);
        foreach (var month in Directory.GetDirectories(Path.Combine(county, "workforce")).Order(StringComparer.Ordinal))
        {
            Assert.True(test.Ingest("workforce", month).Succeeded);
        }

        var admin = Caller.Operator(test.Workspace);
        var file = ContractingFile.Read("registry.yaml", Registry);
        ProviderRegistry.Import(admin, file, "test");
        ContractRegistry.Import(admin, [file], "test");
        new MetricStore(test.Workspace).Compute(MetricCatalog.Find(MetricCatalog.Load(test.Workspace), "acm-referral-to-enrolment"), "tester@test", DateTime.UtcNow);
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(county, "truth", "effects.json")));
        var collapse = truth.RootElement.GetProperty("effects").EnumerateArray().Single(e => e.GetProperty("effect").GetString() == "referral_to_enrolment_collapse");
        Assert.True(YearMonth.TryParse(collapse.GetProperty("collapse_month").GetString(), out var first));
        var manager = new Caller(test.Workspace, new AccessUser("contracts@test", Role.ContractManager, AccessScope.OfSources(["workforce"])), "acm", "test");

        // The collapse raises an alert in its months; the alert list is the same for the manager and the operator.
        var alerts = Alerts.List(manager, program: "job-training");
        var alert = alerts.First(a => a.Alert.Contract == "WF03-2024" && YearMonth.Of(a.Alert.PeriodStart) >= first && YearMonth.Of(a.Alert.PeriodStart) < first.AddMonths(3));
        Assert.True(alert.Alert.Value < alert.Alert.Expected);
        Assert.Equal(alerts.Select(a => a.Id), Alerts.List(admin, program: "job-training").Select(a => a.Id));
        Assert.Equal(alerts.Select(a => a.Id), Alerts.List(manager, program: "job-training").Select(a => a.Id)); // stable numbers

        // Acknowledged, and an action item raised from it.
        Assert.Equal(Alerts.Acknowledged, Alerts.Acknowledge(manager, alert.Id, "calling WF03").Status);
        var meetingDay = DateOnly.FromDateTime(test.Workspace.UtcNow); // items are created and closed today
        var item = ActionItems.Add(manager, new NewActionItem("Ask WF03 why referrals stopped enrolling", "Ana Ruiz", meetingDay.AddDays(-5), Contract: "WF03-2024",
            Metric: "acm-referral-to-enrolment", Alert: alert.Id));
        Assert.Throws<WorkspaceException>(() => ActionItems.Add(manager, new NewActionItem("", "Ana", null, Contract: "WF03-2024")));
        Roadmaps.Set(manager, "job-training", YearMonth.Of(meetingDay), "Referral matching", "Which referrals enrol, and from where?");

        // The check-in's agenda: the open item (overdue on the day), the measure with its alert first, the month's deep dive.
        var meeting = Meetings.Schedule(manager, MeetingKind.CheckIn, null, "WF03-2024", meetingDay, null);
        var view = Meetings.Show(manager, meeting.Id);
        Assert.Equal(item.Id, Assert.Single(view.Agenda.OpenItems).Id);
        Assert.True(view.Agenda.OpenItems[0].IsOverdueOn(meetingDay));
        Assert.Contains(view.Agenda.Measures[0].Alerts, a => a.PeriodStart == alert.Alert.PeriodStart);
        Assert.Equal("Referral matching", view.Agenda.DeepDive?.Topic);
        Meetings.Record(manager, meeting.Id, "Ana Ruiz (agency), J. Park (WF03)", "Intake staff left in the spring.", "WF03 hires two intake staff.");
        Meetings.AddNote(manager, meeting.Id, "acm-referral-to-enrolment, collapse months", "Referrals kept coming; enrolments stopped.");
        var second = ActionItems.Add(manager, new NewActionItem("Confirm the new intake staff started", "J. Park", meetingDay.AddDays(30), Contract: "WF03-2024", Meeting: meeting.Id));

        // The next check-in: the item closed in between is a lesson, the new one is still open.
        ActionItems.Close(manager, item.Id, "Intake staff had left; two were hired.");
        Assert.Throws<WorkspaceException>(() => ActionItems.Close(manager, item.Id, "again"));
        var next = Meetings.Schedule(manager, MeetingKind.CheckIn, null, "WF03-2024", meetingDay.AddDays(31), null);
        var nextView = Meetings.Show(manager, next.Id);
        Assert.Equal(second.Id, Assert.Single(nextView.Agenda.OpenItems).Id);
        Assert.Equal(item.Id, Assert.Single(nextView.Agenda.Lessons).Id);
        Assert.Single(Meetings.Show(manager, meeting.Id).Meeting.Notes);

        // A caseworker files a report (no identifiers) but reads nothing else; the manager turns it into an item.
        var caseworker = new Caller(test.Workspace, new AccessUser("caseworker@test", Role.Caseworker, AccessScope.None), "acm", "test");
        Assert.Throws<WorkspaceException>(() => FrontlineReports.File(caseworker, "WF03", "transportation", "Client 123-45-6789 missed the bus"));
        var report = FrontlineReports.File(caseworker, "WF03", "transportation", "Families cannot reach the east site since the bus route changed.");
        Assert.Equal(report.Id, Assert.Single(FrontlineReports.Mine(caseworker)).Id);
        Assert.Throws<AccessDeniedException>(() => FrontlineReports.List(caseworker));
        Assert.Throws<AccessDeniedException>(() => Alerts.List(caseworker));
        Assert.Throws<AccessDeniedException>(() => Meetings.Show(caseworker, meeting.Id));
        var fromReport = FrontlineReports.Convert(manager, report.Id, "Ana Ruiz", meetingDay.AddDays(40));
        Assert.Equal(("WF03-2024", report.Id), (fromReport.Contract, fromReport.Report));
        Assert.Equal(fromReport.Id, Assert.Single(FrontlineReports.List(manager)).ActionItem);
        Assert.Throws<WorkspaceException>(() => FrontlineReports.Convert(manager, report.Id, "Ana Ruiz", meetingDay));
        Assert.Contains(FrontlineReports.Trends(manager), t => t is { Provider: "WF03", Category: "transportation", Reports: 1 });

        // The case-file sampler: good and poor cases of the contract's provider, the same for the same seed, on record.
        var sample = CaseReview.Sample(manager, "WF03-2024", "acm-referral-to-enrolment", 3, seed: 11);
        Assert.Equal((3, 3), (sample.Count(c => c.Outcome == "good"), sample.Count(c => c.Outcome == "poor")));
        Assert.Equal(sample, CaseReview.Sample(manager, "WF03-2024", "acm-referral-to-enrolment", 3, seed: 11));
        Assert.All(sample, c => Assert.InRange(c.PeriodStart, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)));
        Assert.Contains(test.Workspace.Audit.Records(), r => r.Event.Actor == "contracts@test" && r.Event.Target.Contains("case-file sample of contract WF03-2024", StringComparison.Ordinal) && r.Event.Target.Contains("seed 11", StringComparison.Ordinal));
        Assert.Throws<WorkspaceException>(() => CaseReview.Sample(manager, "WF03-2024", "acm-referral-to-enrolment", 0, seed: 11));

        // Scores: WF03 has alerts, so its score names them.
        Assert.Contains(Portfolio.Scores(manager).Single(s => s.Contract == "WF03-2024").Reasons, r => r.StartsWith("risk:", StringComparison.Ordinal));

        // Another agency's manager: nothing exists; WF01's staff see their own contract's alerts only, and no program items.
        var other = new Caller(test.Workspace, new AccessUser("contracts@other", Role.ContractManager, AccessScope.OfSources(["child_welfare"])), "acm", "test");
        Assert.Empty(Alerts.List(other));
        Assert.Empty(ActionItems.List(other));
        Assert.Empty(Meetings.List(other));
        Assert.True(Assert.Throws<AccessDeniedException>(() => Alerts.List(other, contract: "WF03-2024")).NotFound);
        Assert.True(Assert.Throws<AccessDeniedException>(() => Meetings.Show(other, meeting.Id)).NotFound);
        Assert.True(Assert.Throws<AccessDeniedException>(() => Alerts.Close(other, alert.Id, null)).NotFound);
        Assert.True(Assert.Throws<AccessDeniedException>(() => ActionItems.Close(other, second.Id, "x")).NotFound);
        Assert.True(Assert.Throws<AccessDeniedException>(() => Roadmaps.Of(other, "job-training", YearMonth.Of(meetingDay))).NotFound);
        Assert.Empty(FrontlineReports.List(other));
        Assert.True(Assert.Throws<AccessDeniedException>(() => CaseReview.Sample(other, "WF03-2024", "acm-referral-to-enrolment", 3, 11)).NotFound);
        var wf01 = new Caller(test.Workspace, new AccessUser("staff@wf01", Role.ProviderStaff, AccessScope.OfProviders(["WF01"])), "acm", "test");
        Assert.All(Alerts.List(wf01), a => Assert.Equal("WF01-2024", a.Alert.Contract));
        Assert.Empty(ActionItems.List(wf01));
        Assert.Throws<AccessDeniedException>(() => Alerts.Close(wf01, alert.Id, null));
        Assert.False(Assert.Throws<AccessDeniedException>(() => CaseReview.Sample(wf01, "WF01-2024", "acm-referral-to-enrolment", 3, 11)).NotFound); // person-level: not for provider staff

        // WF03's staff report progress on their contract's item and close it; WF01's cannot find it; the manager reads the notes.
        var wf03 = new Caller(test.Workspace, new AccessUser("staff@wf03", Role.ProviderStaff, AccessScope.OfProviders(["WF03"])), "acm", "test");
        Assert.Contains(ActionItems.List(wf03), i => i.Id == second.Id);
        Assert.Throws<WorkspaceException>(() => ActionItems.Comment(wf03, second.Id, "Called the client at 555-123-4567"));
        ActionItems.Comment(wf03, second.Id, "Both intake workers started on Monday.");
        ActionItems.Comment(manager, second.Id, "Thanks; we will check enrolments next month.");
        Assert.Equal([(1, "staff@wf03"), (2, "contracts@test")], ActionItems.Updates(manager, second.Id).Select(u => (u.Position, u.Author)));
        Assert.True(Assert.Throws<AccessDeniedException>(() => ActionItems.Comment(wf01, second.Id, "guess")).NotFound);
        Assert.True(Assert.Throws<AccessDeniedException>(() => ActionItems.Updates(wf01, second.Id)).NotFound);
        Assert.True(Assert.Throws<AccessDeniedException>(() => ActionItems.Close(wf01, second.Id, "guess")).NotFound);
        Assert.True(Assert.Throws<AccessDeniedException>(() => ActionItems.Show(wf03, second.Id + 1000)).NotFound);
        Assert.Equal("Staff in post.", ActionItems.Close(wf03, second.Id, "Staff in post.").Lesson);
        Assert.Contains(test.Workspace.Audit.Records(), r => r.Event.Actor == "staff@wf01" && r.Event.Outcome == Governance.Audit.AuditOutcome.Denied
            && r.Event.Target == $"action item {second.Id}: comment");

        // The frontline report about WF03 reaches WF03 as a count only; WF01 cannot ask about WF03.
        Assert.Equal([new ReportTrend("WF03", "transportation", YearMonth.Of(report.Filed), 1)], FrontlineReports.About(wf03, "WF03"));
        Assert.True(Assert.Throws<AccessDeniedException>(() => FrontlineReports.About(wf01, "WF03")).NotFound);
        Assert.True(Assert.Throws<AccessDeniedException>(() => FrontlineReports.About(wf03, "NOBODY")).NotFound);

        // Client mix from the attributes the workforce file records (prior prison is left out: no corrections data here).
        // Dashboards are worked out once per publication: the new run shows at once.
        Assert.Null(Dashboards.Contract(manager, "WF01-2024").Metrics.Single(m => m.Metric == "acm-training-completion").Period);
        new MetricStore(test.Workspace).Compute(MetricCatalog.Find(MetricCatalog.Load(test.Workspace), "acm-training-completion"), "tester@test", DateTime.UtcNow);
        var dashboard = Dashboards.Program(manager, "job-training", "acm-training-completion");
        Assert.Equal(["sex", "race", "Hispanic or Latino ethnicity"], dashboard.AdjustedFor);
        Assert.All(dashboard.Providers.Where(p => !p.Hidden), p => Assert.NotNull(p.Adjusted));
        var strata = new PublishedMetrics(test.Workspace).Strata(new PublishedMetrics(test.Workspace).LatestRun("acm-training-completion")!.Id, "provider_id");
        Assert.All(strata, x => Assert.Matches("^sex:[^;]+;race:[^;]+;ethnicity:[^;]+$", x.Stratum));
        Assert.Contains(strata, x => x.Stratum.StartsWith("sex:F;", StringComparison.Ordinal));
        Assert.NotNull(Dashboards.Contract(manager, "WF01-2024").Metrics.Single(m => m.Metric == "acm-training-completion").Period);

        // So does a changed contract.
        ContractRegistry.Import(admin, [ContractingFile.Read("registry.yaml", Registry.Replace("target: 0.50", "target: 0.55", StringComparison.Ordinal))], "test");
        Assert.Equal(0.55m, Dashboards.Contract(manager, "WF01-2024").Metrics.Single(m => m.Metric == "acm-training-completion").Target);
    }
}
