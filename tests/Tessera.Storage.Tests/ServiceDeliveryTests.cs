using System.Globalization;
using System.Text;
using System.Text.Json;
using Tessera.Contracts.Files;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Intake.Delivering;
using Tessera.Intake.Inbox;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Management;
using Tessera.Storage.Metrics;
using Tessera.Synthetic;

namespace Tessera.Storage.Tests;

/// <summary>
/// Providers send their own service records: a month of attendance checked like any delivery,
/// rows of another provider or with a broken value quarantined, a corrected month replacing the
/// provider's own earlier one and nobody else's, and the weekly first-day attendance on the
/// provider's contract dashboard following what was sent; the synthetic county's planted drop in
/// WF04's first-day attendance shows in the weekly measure.
/// </summary>
public sealed class ServiceDeliveryTests
{
    private const string Metric = "services-first-day-attendance-weekly";

    private const string Registry = """
        providers:
          - { id: WF04, name: Fairview Career Link, program: job-training, identifiers: [{ source: workforce, field: provider_id, value: WF04 }, { source: provider_services, field: provider_id, value: WF04 }] }
          - { id: WF03, name: Riverton Job Partners, program: job-training, identifiers: [{ source: workforce, field: provider_id, value: WF03 }, { source: provider_services, field: provider_id, value: WF03 }] }
        contracts:
          - id: WF04-2024
            agency: workforce
            provider: WF04
            program: job-training
            start: 2024-01-01
            end: 2024-12-31
            metrics: [{ metric: services-first-day-attendance-weekly, type: activity, target: 0.80, watch: 0.05 }]
        """;

    public static TheoryData<Engine> Engines => new(Engine.Embedded, Engine.PostgreSql);

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void A_month_with_two_bad_rows_is_accepted_with_them_held_back_and_the_weekly_measure_follows_it(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        var admin = Caller.Operator(test.Workspace);
        var file = ContractingFile.Read("registry.yaml", Registry);
        ProviderRegistry.Import(admin, file, "test");
        ContractRegistry.Import(admin, [file], "test");
        var wf04 = Staff(test, "WF04");
        var wf03 = Staff(test, "WF03");

        // March: 50 clients had their first day in the week of 4 March; 36 came.
        var first = ServiceDeliveries.Deliver(wf04, Month(test, "first", "WF04", attended: 36));
        Assert.Equal((DeliveryOutcome.Accepted, 50L, 0L), (first.Status, first.RowsAccepted, first.RowsQuarantined));
        Assert.Equal(0.72, Weekly(test, wf04), 6);

        // WF03 sends its March too: WF04's stays. Two providers with nothing to report send the same empty file: each is its own delivery.
        var other = ServiceDeliveries.Deliver(wf03, Month(test, "other", "WF03", attended: 40));
        Assert.Empty(other.Superseded);
        var header = Encoding.UTF8.GetBytes("provider_id,session_id,client_id,session_date,session_number,attended\n");
        var quietWf03 = ServiceDeliveries.Deliver(wf03, new DeliveryRequest { Source = "provider_services", Provider = "WF03", Paths = [test.WriteFolder("quiet3/2024-02", ("attendance.csv", header))] });
        var quietWf04 = ServiceDeliveries.Deliver(wf04, new DeliveryRequest { Source = "provider_services", Provider = "WF04", Paths = [test.WriteFolder("quiet4/2024-02", ("attendance.csv", header))] });
        Assert.Equal((DeliveryOutcome.Accepted, DeliveryOutcome.Accepted), (quietWf03.Status, quietWf04.Status));
        Assert.Equal(DeliveryOutcome.Duplicate, ServiceDeliveries.Deliver(wf04, new DeliveryRequest { Source = "provider_services", Provider = "WF04", Paths = [test.WriteFolder("again4/2024-02", ("attendance.csv", header))] }).Status);

        // The corrected month: 20 of the 50 came; one row names another provider, one has no valid answer.
        var corrected = ServiceDeliveries.Deliver(wf04, Month(test, "corrected", "WF04", attended: 20,
            "WF03,S20240305,WP999,2024-03-05,1,Y", "WF04,S20240305,WP998,2024-03-05,1,MAYBE"));
        Assert.Equal((DeliveryOutcome.Accepted, 50L, 2L), (corrected.Status, corrected.RowsAccepted, corrected.RowsQuarantined));
        Assert.Equal([first.DeliveryId!.Value], corrected.Superseded);
        var (shown, problems) = ServiceDeliveries.Show(wf04, "WF04", corrected.DeliveryId!.Value);
        Assert.Equal("WF04", shown.Provider);
        Assert.Equal([("provider_id", "WF03"), ("attended", "MAYBE")], problems.Select(p => (p.Column, p.PlainValue)));
        Assert.Contains(problems, p => p.Expected.Contains("WF04", StringComparison.Ordinal));
        Assert.Equal(0.40, Weekly(test, wf04), 6);
        Assert.Equal([corrected.DeliveryId.Value, quietWf04.DeliveryId!.Value, first.DeliveryId.Value], ServiceDeliveries.List(wf04, "WF04").Select(d => d.Id));

        // Nobody sends or reads for a provider not theirs; every attempt is on record.
        Assert.True(Assert.Throws<AccessDeniedException>(() => ServiceDeliveries.Deliver(wf03, Month(test, "forged", "WF04", attended: 50))).NotFound);
        Assert.True(Assert.Throws<AccessDeniedException>(() => ServiceDeliveries.List(wf03, "WF04")).NotFound);
        Assert.True(Assert.Throws<AccessDeniedException>(() => ServiceDeliveries.Show(wf03, "WF04", corrected.DeliveryId.Value)).NotFound);
        Assert.True(Assert.Throws<AccessDeniedException>(() => ServiceDeliveries.Show(wf03, "WF03", corrected.DeliveryId.Value)).NotFound);
        Assert.True(Assert.Throws<AccessDeniedException>(() => ServiceDeliveries.Show(wf04, "WF04", other.DeliveryId!.Value)).NotFound); // WF03's, by a sequential guess
        var partner = new Caller(test.Workspace, new AccessUser("wf@test", Role.DataPartner, AccessScope.OfSources(["workforce", "provider_services"])), "delivery", "test");
        Assert.False(Assert.Throws<AccessDeniedException>(() => ServiceDeliveries.Deliver(partner, Month(test, "partner", "WF04", attended: 50))).NotFound);
        var denied = test.Workspace.Audit.Records().Where(r => r.Event.Outcome == AuditOutcome.Denied).Select(r => (r.Event.Actor, r.Event.Target)).ToList();
        Assert.Contains(("staff@wf03", "delivery to provider_services by provider WF04"), denied);
        Assert.Contains(("staff@wf03", "service deliveries of provider WF04"), denied);
        Assert.Contains(("staff@wf04", string.Create(CultureInfo.InvariantCulture, $"service delivery {other.DeliveryId!.Value} of provider WF04")), denied);
        Assert.Equal(5, test.Workspace.Vault.Deliveries("provider_services").Count(d => d.Status is "current" or "superseded"));
    }

    [SkippableFact]
    public void The_planted_drop_in_first_day_attendance_shows_in_the_weekly_measure()
    {
        using var test = new TestWorkspace();
        var county = Path.Combine(test.Root, "county");
        new CountyGenerator(new SynthOptions { People = 20_000, Seed = 1, Months = 24 }).Generate(county);
        foreach (var delivery in DeliveryInbox.Of(county).Source("provider_services")!.Deliveries)
        {
            Assert.True(test.Ingest(new DeliveryRequest { Source = "provider_services", Provider = delivery.Provider, Paths = [delivery.Folder] }).Succeeded);
        }

        var entry = MetricCatalog.Find(MetricCatalog.Load(test.Workspace), Metric);
        var run = new MetricStore(test.Workspace).Compute(entry, "tester@test", DateTime.UtcNow);
        using var effects = JsonDocument.Parse(File.ReadAllText(Path.Combine(county, "truth", "effects.json")));
        var drop = effects.RootElement.GetProperty("effects").EnumerateArray().Single(e => e.GetProperty("effect").GetString() == "first_day_attendance_drop");
        var start = DateOnly.ParseExact(drop.GetProperty("first_week").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var weeks = drop.GetProperty("weeks").GetInt32();
        var results = new PublishedMetrics(test.Workspace).Results(Metric, "provider_id", runId: run.Id);
        bool During(DateOnly week) => week >= start && week < start.AddDays(7 * weeks);
        double Rate(IEnumerable<Tessera.Metrics.Results.MetricResult> rows) => (double)rows.Sum(r => r.Numerator!.Value) / rows.Sum(r => r.Denominator!.Value);

        var wf04 = results.Where(r => r.GroupValue == "WF04").ToList();
        var during = Rate(wf04.Where(r => During(r.PeriodStart)));
        var outside = Rate(wf04.Where(r => !During(r.PeriodStart)));
        var others = Rate(results.Where(r => r.GroupValue != "WF04" && During(r.PeriodStart)));
        Assert.True(during < outside - 0.25, $"WF04 during the drop {during:0.00}, outside it {outside:0.00}");
        Assert.True(during < others - 0.25, $"WF04 during the drop {during:0.00}, the other providers then {others:0.00}");
        // The weekly measure counts every first day the county wrote, no more, no fewer.
        Assert.Equal(drop.GetProperty("first_days").GetInt64(), wf04.Sum(r => r.Denominator!.Value));
        Assert.Equal(drop.GetProperty("first_days_attended").GetInt64(), wf04.Sum(r => r.Numerator!.Value));
    }

    private static Caller Staff(TestWorkspace test, string provider) =>
        new(test.Workspace, new AccessUser($"staff@{provider.ToLowerInvariant()}", Role.ProviderStaff, AccessScope.OfProviders([provider])), "service data", "test");

    // A March of 50 first days in the week of 4 March (the first <paramref name="attended"/> came), each client's second session a week later, and any extra rows.
    private static DeliveryRequest Month(TestWorkspace test, string name, string provider, int attended, params string[] extra)
    {
        var csv = new StringBuilder("provider_id,session_id,client_id,session_date,session_number,attended\n");
        for (var i = 0; i < 50; i++)
        {
            var day = new DateOnly(2024, 3, 4).AddDays(i % 5);
            csv.Append(CultureInfo.InvariantCulture, $"{provider},S{day:yyyyMMdd},WP{i:D3},{day:yyyy-MM-dd},1,{(i < attended ? "Y" : "N")}\n");
        }

        foreach (var row in extra)
        {
            csv.Append(row).Append('\n');
        }

        var folder = test.WriteFolder(name + "/2024-03", ("attendance.csv", Encoding.UTF8.GetBytes(csv.ToString())));
        return new DeliveryRequest { Source = "provider_services", Provider = provider, Paths = [folder] };
    }

    // The dashboard's figure for the week of 4 March, after the queued recomputation ran.
    private static double Weekly(TestWorkspace test, Caller staff)
    {
        var entry = MetricCatalog.Find(MetricCatalog.Load(test.Workspace), Metric);
        new MetricStore(test.Workspace).Compute(entry, "tester@test", DateTime.UtcNow);
        var standing = Dashboards.Contract(staff, "WF04-2024").Metrics.Single(m => m.Metric == Metric);
        Assert.Equal(new DateOnly(2024, 3, 4), standing.Period);
        return standing.Value!.Value;
    }
}
