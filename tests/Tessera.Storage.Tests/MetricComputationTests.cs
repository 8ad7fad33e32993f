using System.Text;
using Tessera.Metrics.Results;
using Tessera.Storage.Linking;
using Tessera.Storage.Metrics;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Tests;

/// <summary>
/// Metrics computed on a small hand-made county whose answers are worked out below: releases from
/// a jail, arrests from the police (a different numbering of persons, joined only through record
/// linkage), with a release on each edge of the one-year window, a person released twice, a
/// release without a date and one whose year has not passed.
/// </summary>
public sealed class MetricComputationTests
{
    private const string Jail = """
        source: jail
        files:
          - name: people
            primary_key: [jail_id]
            person_key: jail_id
            fields:
              - { name: jail_id, type: string, required: true }
              - { name: first_name, type: string, sensitivity: direct_identifier }
              - { name: last_name, type: string, sensitivity: direct_identifier }
              - { name: dob, type: date, sensitivity: direct_identifier }
              - { name: ssn, type: string, sensitivity: direct_identifier }
            identity: { given_name: first_name, family_name: last_name, birth_date: dob, ssn: ssn }
          - name: releases
            primary_key: [release_id]
            person_key: jail_id
            fields:
              - { name: release_id, type: string, required: true }
              - { name: jail_id, type: string, required: true }
              - { name: release_date, type: date }
              - { name: facility, type: string }
              - { name: cost, type: money }
        """;

    private const string Police = """
        source: police
        files:
          - name: arrests
            primary_key: [arrest_id]
            person_key: sid
            fields:
              - { name: arrest_id, type: string, required: true }
              - { name: sid, type: string, required: true }
              - { name: first_name, type: string, sensitivity: direct_identifier }
              - { name: last_name, type: string, sensitivity: direct_identifier }
              - { name: dob, type: date, sensitivity: direct_identifier }
              - { name: ssn, type: string, sensitivity: direct_identifier }
              - { name: arrest_date, type: date, required: true }
              - { name: bail, type: money }
            identity: { given_name: first_name, family_name: last_name, birth_date: dob, ssn: ssn }
        """;

    private const string People = """
        jail_id,first_name,last_name,dob,ssn
        J1,Ann,Lee,1980-01-01,123-45-6789
        J2,Bob,Ray,1975-05-05,234-56-7890
        J3,Cy,Dee,1990-03-03,345-67-8901
        J4,Di,Fox,1985-07-07,456-78-9012
        """;

    // R1 arrest on day 365 (counts); R2 arrest on day 366 (does not); R3 is J2's second release, the same arrest on day 232 (counts);
    // R4 no arrest; R5 no date (left out); R6 arrest on the release day itself (day 0: does not count); R7 window still open (left out).
    private const string Releases = """
        release_id,jail_id,release_date,facility,cost
        R1,J1,2023-01-10,A,100
        R2,J2,2023-02-01,A,200
        R3,J2,2023-06-15,B,300
        R4,J3,2023-03-01,B,50
        R5,J4,,A,10
        R6,J4,2023-04-01,A,70
        R7,J1,2024-06-01,A,20
        """;

    private const string Arrests = """
        arrest_id,sid,first_name,last_name,dob,ssn,arrest_date,bail
        A1,S1,ANN,LEE,1980-01-01,123456789,2024-01-10,500
        A2,S2,BOB,RAY,1975-05-05,234567890,2024-02-02,1500
        A3,S4,DI,FOX,1985-07-07,456789012,2023-04-01,900
        A4,S4,DI,FOX,1985-07-07,456789012,2023-03-01,100
        """;

    private const string Rearrest = """
        id: fixture-rearrest
        title: Re-arrest within a year
        description: Releases followed by an arrest 1 to 365 days later.
        standard: test fixture
        polarity: lower_is_better
        unit: release
        population: { source: jail, file: releases, anchor: release_date }
        outcome: { source: police, file: arrests, date: arrest_date, window: { from_days: 1, to_days: 365 } }
        value: rate
        group_by: [facility]
        period: quarter
        """;

    private const string Spending = """
        id: fixture-spending
        title: Cost per person released
        description: Cost of releases per distinct person, by quarter of release.
        standard: test fixture
        population: { source: jail, file: releases, anchor: release_date }
        value: per_person
        measure: cost
        period: quarter
        """;

    private const string DaysToArrest = """
        id: fixture-days
        title: Days to re-arrest
        description: Median days from release to the first arrest within a year.
        standard: test fixture
        population: { source: jail, file: releases, anchor: release_date }
        outcome: { source: police, file: arrests, date: arrest_date, window: { from_days: 1, to_days: 365 } }
        value: days_to_outcome
        period: year
        """;

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_rolling_period_is_the_twelve_months_up_to_a_month_with_data(Engine engine)
    {
        using var test = County(engine);
        File.WriteAllText(Path.Combine(test.Folder, MetricCatalog.Folder, "rolling.yaml"), Spending.Replace("fixture-spending", "fixture-rolling", StringComparison.Ordinal).Replace("period: quarter", "period: rolling_12", StringComparison.Ordinal));
        var store = Compute(test, "fixture-rolling");

        // Months with releases: 2023-01, -02, -03, -04, -06 and 2024-06; the only window not reaching before January 2023 ends in June 2024 and holds R7 alone.
        var window = Assert.Single(store.Results("fixture-rolling"));
        Assert.Equal((new DateOnly(2023, 7, 1), new DateOnly(2024, 6, 30), 1L, 20.0), (window.PeriodStart, window.PeriodEnd, window.Denominator!.Value, window.Value!.Value));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void An_outcome_measure_is_summarised_over_the_rows_with_an_outcome(Engine engine)
    {
        using var test = County(engine);
        File.WriteAllText(Path.Combine(test.Folder, MetricCatalog.Folder, "bail.yaml"), DaysToArrest.Replace("fixture-days", "fixture-bail", StringComparison.Ordinal)
            .Replace("window:", "measure: bail, window:", StringComparison.Ordinal).Replace("value: days_to_outcome", "value: median", StringComparison.Ordinal));
        var store = Compute(test, "fixture-bail");

        // 2023 releases with an arrest within the year: R1 (A1, bail 500) and R3 (A2, bail 1500).
        var year = store.Results("fixture-bail").Single(r => r.PeriodStart.Year == 2023);
        Assert.Equal((2L, 1000.0), (year.Denominator!.Value, year.Value!.Value));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_batch_reading_shared_snapshots_gives_the_results_of_one_metric_at_a_time(Engine engine)
    {
        using var test = County(engine);
        var ids = new[] { "fixture-rearrest", "fixture-spending", "fixture-days" };
        var single = ids.SelectMany(id => Compute(test, id).Results(id)).ToList();

        var store = new MetricStore(test.Workspace);
        var catalog = MetricCatalog.Load(test.Workspace);
        var runs = new List<MetricRun>();
        store.Compute([.. ids.Select(id => MetricCatalog.Find(catalog, id))], "tester@test", DateTime.UtcNow, null, null, (_, run, problem) => runs.Add(run ?? throw problem!));

        Assert.Equal(3, runs.Count);
        Assert.Equal(single, ids.SelectMany(id => new PublishedMetrics(test.Workspace).Results(id)).ToList());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void An_exclusion_event_around_the_anchor_takes_the_row_out_of_the_denominator(Engine engine)
    {
        using var test = County(engine);
        File.WriteAllText(Path.Combine(test.Folder, MetricCatalog.Folder, "pending.yaml"), Rearrest.Replace("fixture-rearrest", "fixture-pending", StringComparison.Ordinal)
            .Replace("value: rate", "exclude: [{ source: police, file: arrests, date: arrest_date, window: { from_days: -30, to_days: 0 } }]\nvalue: rate", StringComparison.Ordinal));
        var store = Compute(test, "fixture-pending");

        // R6 was released on the day of an arrest (A3): left out. A4, 31 days before, is outside the exclusion window.
        Assert.Equal([("2023-01-01", 1L, 3L), ("2023-04-01", 1L, 1L)], store.Results("fixture-pending").Select(Row));
    }

    [Fact]
    public void A_run_records_the_deliveries_of_a_source_read_only_for_exclusions_and_the_linkage_run()
    {
        using var test = County(Engine.Embedded);
        File.WriteAllText(Path.Combine(test.Folder, MetricCatalog.Folder, "cost.yaml"), Spending.Replace("fixture-spending", "fixture-cost-unarrested", StringComparison.Ordinal)
            .Replace("value: per_person", "exclude: [{ source: police, file: arrests, date: arrest_date, window: { from_days: -30, to_days: 0 } }]\nvalue: per_person", StringComparison.Ordinal));

        Compute(test, "fixture-cost-unarrested");

        var run = new PublishedMetrics(test.Workspace).LatestRun("fixture-cost-unarrested")!;
        Assert.Equal(["jail", "police"], run.Deliveries.Select(d => d[..d.IndexOf('#', StringComparison.Ordinal)]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(new PersonIndex(test.Workspace.Vault).Runs(1).Single().Id, run.LinkRun);
    }

    [Fact]
    public void Published_results_are_read_without_opening_the_vault()
    {
        using var test = County(Engine.Embedded);
        var computed = Compute(test, "fixture-rearrest").Results("fixture-rearrest", "facility");
        var folder = test.Folder;
        test.Workspace.Dispose();
        var vault = Path.Combine(folder, "vault.duckdb");
        File.Move(vault, vault + ".away");
        try
        {
            using var reopened = Workspace.Open(folder);
            var published = new PublishedMetrics(reopened);

            Assert.Equal(computed, published.Results("fixture-rearrest", "facility"));
            Assert.NotNull(published.LatestRuns()["fixture-rearrest"]);
            Assert.False(File.Exists(vault));
        }
        finally
        {
            File.Move(vault + ".away", vault);
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_small_figure_is_published_hidden_with_the_figure_that_would_reveal_it(Engine engine)
    {
        using var test = County(engine);
        var published = Compute(test, "fixture-rearrest");

        // Every cell of the fixture holds 1 to 3 releases: all hidden for readers without person-level access, exact for the rest.
        var shown = published.Published("fixture-rearrest", "facility", exact: false);
        Assert.Equal(4, shown.Count);
        Assert.All(shown, r => Assert.Equal(Governance.Disclosure.Suppression.SmallCell, r.Hidden));
        Assert.All(shown, r => Assert.Null(r.Value));
        Assert.All(published.Published("fixture-rearrest", "facility", exact: true), r => Assert.NotNull(r.Value));
    }

    public static TheoryData<Engine> Engines => new(Engine.Embedded, Engine.PostgreSql);

    [Theory]
    [MemberData(nameof(Engines))]
    public void Rearrest_counts_the_window_edges_and_persons_linked_across_sources(Engine engine)
    {
        using var test = County(engine);
        var store = Compute(test, "fixture-rearrest");

        Assert.Equal([("2023-01-01", 1L, 3L), ("2023-04-01", 1L, 2L)], store.Results("fixture-rearrest").Select(Row));
        Assert.Equal(
            [("2023-01-01", "A", 1L, 2L), ("2023-01-01", "B", 0L, 1L), ("2023-04-01", "A", 0L, 1L), ("2023-04-01", "B", 1L, 1L)],
            store.Results("fixture-rearrest", "facility").Select(r => (r.PeriodStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.GroupValue, r.Numerator!.Value, r.Denominator!.Value)));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Spending_per_person_and_days_to_outcome(Engine engine)
    {
        using var test = County(engine);
        var store = Compute(test, "fixture-spending");
        Compute(test, "fixture-days");

        var spending = store.Results("fixture-spending");
        Assert.Equal(350.0 / 3, spending[0].Value!.Value, 9); // Q1 2023: R1 100 + R2 200 + R4 50 over J1, J2, J3
        Assert.Equal(3, spending[0].Denominator);
        var days = store.Results("fixture-days").Single(r => r.PeriodStart.Year == 2023);
        Assert.Equal((2L, 5L), (days.Numerator!.Value, days.Denominator!.Value));
        Assert.Equal((365 + 232) / 2.0, days.Value!.Value, 9);
    }

    [Fact]
    public void Both_engines_give_identical_results()
    {
        var results = new[] { Engine.Embedded, Engine.PostgreSql }.Select(engine =>
        {
            using var test = County(engine);
            return new[] { "fixture-rearrest", "fixture-spending", "fixture-days" }.SelectMany(id =>
            {
                var store = Compute(test, id);
                return new[] { "all", "facility" }.SelectMany(g => store.Results(id, g));
            }).ToList();
        }).ToList();

        Assert.Equal(results[0].Count, results[1].Count);
        foreach (var (a, b) in results[0].Zip(results[1]))
        {
            Assert.Equal(a with { Value = null }, b with { Value = null });
            Assert.Equal(a.Value ?? double.NaN, b.Value ?? double.NaN, 1e-9);
        }
    }

    [Fact]
    public void A_run_records_its_definition_and_deliveries_and_its_persons()
    {
        using var test = County(Engine.Embedded);
        var store = Compute(test, "fixture-rearrest");

        var run = store.LatestRun("fixture-rearrest")!;
        Assert.Equal(2, run.Deliveries.Count);
        Assert.All(run.Deliveries, d => Assert.Matches("^(jail|police)#[0-9]+$", d));
        Assert.Equal(new DateOnly(2024, 12, 31), run.AsOf);
        var entry = MetricCatalog.Find(MetricCatalog.Load(test.Workspace), "fixture-rearrest");
        var members = new MetricStore(test.Workspace).Members(entry, run, "all", "all", new DateOnly(2023, 1, 1));
        Assert.Equal(3, members.Count);
        Assert.Single(members, m => m.InNumerator);
        Assert.All(members, m => Assert.StartsWith("T-", m.PersonId, StringComparison.Ordinal));
    }

    private static (string, long, long) Row(MetricResult r) =>
        (r.PeriodStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.Numerator!.Value, r.Denominator!.Value);

    private static PublishedMetrics Compute(TestWorkspace test, string id)
    {
        new MetricStore(test.Workspace).Compute(MetricCatalog.Find(MetricCatalog.Load(test.Workspace), id), "tester@test", DateTime.UtcNow);
        return new PublishedMetrics(test.Workspace);
    }

    private static TestWorkspace County(Engine engine)
    {
        var test = new TestWorkspace(engine);
        test.Workspace.Sources.Add("jail", Jail, "jail.yaml", DateTime.UtcNow);
        test.Workspace.Sources.Add("police", Police, "police.yaml", DateTime.UtcNow);
        var jail = test.WriteFolder("jail", ("people.csv", Csv(People)), ("releases.csv", Csv(Releases)));
        var police = test.WriteFolder("police", ("arrests.csv", Csv(Arrests)));
        Assert.True(test.Ingest(new Intake.Delivering.DeliveryRequest { Source = "jail", Paths = [jail], Period = "2024-12" }).Succeeded);
        Assert.True(test.Ingest(new Intake.Delivering.DeliveryRequest { Source = "police", Paths = [police], Period = "2024-12" }).Succeeded);
        WorkspaceLinker.Run(test.Workspace, "tester@test", new WorkspaceLinkOptions
        {
            Linkage = new WorkspaceLinkOptions().Linkage with { DeterministicRules = [[Linkage.Records.StandardColumn.Ssn, Linkage.Records.StandardColumn.BirthDate]] },
        });
        var folder = Path.Combine(test.Folder, MetricCatalog.Folder);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "rearrest.yaml"), Rearrest);
        File.WriteAllText(Path.Combine(folder, "spending.yaml"), Spending);
        File.WriteAllText(Path.Combine(folder, "days.yaml"), DaysToArrest);
        return test;
    }

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n") + "\n");
}
