using System.Text.Json;
using Tessera.Contracts.Files;
using Tessera.Governance.Access;
using Tessera.Governance.Agreements;
using Tessera.Governance.Audit;
using Tessera.Intake.Delivering;
using Tessera.Intake.Inbox;
using Tessera.Metrics.Evaluation;
using Tessera.Storage.Access;
using Tessera.Storage.Agreements;
using Tessera.Storage.Contracting;
using Tessera.Storage.Evaluation;
using Tessera.Storage.Linking;
using Tessera.Storage.Metrics;
using Tessera.Storage.Workspaces;
using Tessera.Synthetic;

namespace Tessera.Storage.Tests;

/// <summary>
/// Evaluations on the synthetic county find what was planted there: for each planted effect the
/// value the county realised (truth/effects.json) lies inside the 95% interval the evaluation
/// reports, and placebos — comparisons with nothing planted — give intervals holding no difference.
/// One county here (20,000 people, seed 1, every source ingested and linked);
/// bench/evaluation/coverage.sh repeats it over many seeds and reports how often each interval
/// covers. Who may run an evaluation is checked on the same county.
/// </summary>
[Collection(CountyOf20000.Name)]
public sealed class EvaluationTests
{
    private readonly County _county;

    public EvaluationTests(County county) => _county = county;

    [Fact]
    public void Three_or_more_months_of_family_preservation_recover_the_realised_reinvolvement_rates_and_ratio()
    {
        var effect = _county.Effect("family_preservation_dosage");
        var record = Evaluations.DoseResponse(_county.Admin, "fp-reinvolvement-12m", "months_of_service", "0-3,3+");
        var (shortRate, longRate) = (Realised(effect, "under_3_months"), Realised(effect, "3_months_or_more"));

        var result = record.DoseResponse!;
        Assert.Equal(["sex", "race", "ethnicity"], result.AdjustedFor);
        AssertInside(shortRate, result.Bands[0].Rate, "under 3 months");
        AssertInside(longRate, result.Bands[1].Rate, "3 months or more");
        AssertInside(longRate / shortRate, result.Contrasts[0].Ratio, "raw ratio");
        AssertInside(longRate / shortRate, result.Contrasts[0].AdjustedRatio!, "adjusted ratio");
        Assert.NotEmpty(result.Balance);
        Assert.All(result.Balance, b => Assert.True(Math.Abs(b.After) <= Math.Abs(b.Before) + 0.1, $"{b.Trait} {b.Category}: {b.Before:0.###} → {b.After:0.###}"));
    }

    [Fact]
    public void Completing_training_recovers_the_realised_employment_rates_and_lift()
    {
        var effect = _county.Effect("training_completion_employment");
        // Exits up to March 2025: their 2nd quarter after exit (Q3) is the last the wage records reach by December.
        var record = Evaluations.DoseResponse(_county.Admin, "wioa-employment-q2", "exit_reason", "DROPPED_OUT|NO_SHOW,COMPLETED", anchors: new Anchors(To: new DateOnly(2025, 3, 31)));
        var (others, completers) = (effect.GetProperty("noncompleters").GetProperty("realised_rate").GetDouble(), effect.GetProperty("completers").GetProperty("realised_rate").GetDouble());

        var result = record.DoseResponse!;
        AssertInside(others, result.Bands[0].Rate, "others");
        AssertInside(completers, result.Bands[1].Rate, "completers");
        AssertInside(completers - others, result.Contrasts[0].Difference, "lift");
        Assert.True(result.Contrasts[0].AdjustedDifference!.Low > 0, "the adjusted lift excludes no effect");
        Assert.Equal("2025-03-31", record.Parameters["to"]);
    }

    [Fact]
    public void A_child_care_subsidy_recovers_the_realised_rise_in_parent_employment()
    {
        var effect = _county.Effect("child_care_subsidy_parent_employment");
        var record = Evaluations.BeforeAfter(_county.Admin, "twogen-parent-employment-after-subsidy");
        var realised = effect.GetProperty("after_subsidy").GetProperty("realised_rate").GetDouble() - effect.GetProperty("before_subsidy").GetProperty("realised_rate").GetDouble();

        var result = record.BeforeAfter!;
        AssertInside(realised, result.Difference, "after less before");
        Assert.Equal(17, result.Quarters.Count);
        Assert.True(result.Quarters.Single(q => q.Quarter == 1).Rate.Estimate > result.Quarters.Single(q => q.Quarter == 0).Rate.Estimate + 0.05, "employment jumps in the first quarter after the start");
    }

    [Fact]
    public void Black_headed_households_exit_to_permanent_housing_less_often_as_realised()
    {
        var effect = _county.Effect("racial_disparity");
        var record = Evaluations.Disparity(_county.Admin, "hmis-household-exit-to-permanent-housing", "race", "others");
        var realised = Realised(effect, "black") / Realised(effect, "other");

        var black = record.Disparity!.Single(r => r.Group == "Black, African American or African");
        AssertInside(realised, black.Ratio, "Black against everyone else");
        Assert.Equal(effect.GetProperty("black").GetProperty("exits").GetInt64(), black.Units, 0.1 * black.Units);
        var white = Evaluations.Disparity(_county.Admin, "hmis-household-exit-to-permanent-housing", "race", "White").Disparity!;
        Assert.Equal(new Interval(1, 1, 1), white.Single(r => r.IsReference).Ratio);
    }

    [Fact]
    public void The_planted_risk_score_cutoff_is_recovered_by_regression_discontinuity_and_a_placebo_cutoff_finds_nothing()
    {
        var effect = _county.Effect("risk_score_cutoff");
        var record = Evaluations.Rdd(_county.Admin, "cw-rereport-after-assessment-12m", "risk_score", 45);
        var rdd = record.Rdd!;
        AssertInside(effect.GetProperty("realised_jump").GetDouble(), new Interval(rdd.Estimate, rdd.CiLow, rdd.CiHigh), "jump at 45");
        Assert.True(rdd.NLeft > 20 && rdd.NRight > 20, $"{rdd.NLeft} and {rdd.NRight} persons within the bandwidth");
        Assert.True(rdd.DensityP > 0.01, $"no crowding at the planted cut-off (p = {rdd.DensityP})");

        // Placebo cut-offs at the median score of each side, where nothing changes (Imbens and Lemieux 2008, section 7.3).
        foreach (var cutoff in new[] { 22, 72 })
        {
            var placebo = Evaluations.Rdd(_county.Admin, "cw-rereport-after-assessment-12m", "risk_score", cutoff).Rdd!;
            AssertInside(0, new Interval(placebo.Estimate, placebo.CiLow, placebo.CiHigh), $"placebo cut-off {cutoff}");
        }
    }

    [Fact]
    public void Placebos_with_nothing_planted_give_intervals_holding_no_difference()
    {
        // Family preservation providers were drawn at random; nothing differs between them.
        var providers = Evaluations.DoseResponse(_county.Admin, "fp-reinvolvement-12m", "provider_id", "FP01|FP02,FP03|FP04").DoseResponse!;
        AssertInside(1, providers.Contrasts[0].Ratio, "providers");
        AssertInside(1, providers.Contrasts[0].AdjustedRatio!, "providers adjusted");

        // Job training was planted to change nothing about leaving homelessness.
        var training = Evaluations.Compare(_county.Admin, "hmis-household-exit-to-permanent-housing", "job_training").DoseResponse!;
        Assert.True(training.Bands[1].Persons > 0, "some heads of household trained in the year before their exit");
        AssertInside(0, training.Contrasts[0].AdjustedDifference!, "job training");

        // Re-arrest after release was planted the same for everyone.
        var rearrest = Evaluations.Disparity(_county.Admin, "recidivism-rearrest-1y", "race", "others").Disparity!;
        Assert.All(rearrest.Where(r => r.Units >= 30), r => AssertInside(1, r.Ratio, $"re-arrest, {r.Group}"));
    }

    [Fact]
    public void Each_evaluation_is_kept_with_what_it_read_and_the_same_inputs_give_the_same_answer()
    {
        var first = Evaluations.DoseResponse(_county.Admin, "fp-reinvolvement-12m", "months_of_service", "0-3,3+", seed: 7);
        var again = Evaluations.DoseResponse(_county.Admin, "fp-reinvolvement-12m", "months_of_service", "0-3,3+", seed: 7);
        var kept = Evaluations.Find(_county.Admin, first.Id);

        Assert.Equal(first.DoseResponse!.Bands.Select(b => b.Adjusted), again.DoseResponse!.Bands.Select(b => b.Adjusted));
        Assert.Equal((first.MetricId, first.MetricVersion, first.Seed, first.LinkRun, first.AsOf), (kept.MetricId, kept.MetricVersion, kept.Seed, kept.LinkRun, kept.AsOf));
        Assert.NotNull(kept.LinkRun);
        Assert.Contains(kept.Deliveries, d => d.StartsWith("child_welfare#", StringComparison.Ordinal));
        Assert.Equal("months_of_service", kept.Parameters["dose"]);
        Assert.Equal(first.DoseResponse.Bands.Select(b => b.Rate), kept.DoseResponse!.Bands.Select(b => b.Rate));
        Assert.Contains(Evaluations.List(_county.Admin), r => r.Id == first.Id);
        using var json = JsonDocument.Parse(Evaluations.ToJson(kept));
        Assert.Equal(7, json.RootElement.GetProperty("seed").GetInt32());
    }

    [Fact]
    public void An_analyst_evaluates_what_their_active_licence_covers_and_nothing_else()
    {
        var analyst = _county.As("analyst@university.example", Role.Analyst);
        var record = Evaluations.Disparity(analyst, "hmis-household-exit-to-permanent-housing", "race", "White");
        Assert.Equal("dul-housing", record.Licence);
        Assert.Equal([record.Id], Evaluations.List(analyst).Select(r => r.Id));

        // Child welfare is not in the licence; the licence of another analyst does not count; a contract manager may not evaluate at all.
        Assert.Throws<AccessDeniedException>(() => Evaluations.DoseResponse(analyst, "fp-reinvolvement-12m", "months_of_service", "0-3,3+"));
        Assert.Throws<AccessDeniedException>(() => Evaluations.Disparity(_county.As("other@university.example", Role.Analyst), "hmis-household-exit-to-permanent-housing", "race", "White"));
        Assert.Throws<AccessDeniedException>(() => Evaluations.Disparity(_county.As("manager@county.example", Role.ContractManager), "hmis-household-exit-to-permanent-housing", "race", "White"));
        Assert.Throws<AccessDeniedException>(() => Evaluations.Find(_county.As("other@university.example", Role.Analyst), record.Id));

        var refusals = _county.Workspace.Audit.Records().Select(r => r.Event).Where(e => e.Outcome == AuditOutcome.Denied && e.Target.Contains("evaluation", StringComparison.Ordinal)).ToList();
        Assert.Contains(refusals, e => e.Actor == "analyst@university.example" && e.Target.Contains("fp-reinvolvement-12m", StringComparison.Ordinal));
        Assert.Contains(refusals, e => e.Actor == "manager@county.example");
    }

    [Fact]
    public void Outcomes_by_how_many_agencies_know_a_person_give_the_cumulative_view()
    {
        var result = Evaluations.DoseResponse(_county.Admin, "hmis-household-exit-to-permanent-housing", "agencies", "1,2,3+", ["race"]).DoseResponse!;

        Assert.Equal(["1", "2", "3+"], result.Bands.Select(b => b.Band));
        Assert.True(result.Bands.All(b => b.Persons > 0), string.Join(", ", result.Bands.Select(b => $"{b.Band}: {b.Persons}")));
        Assert.Equal(0, result.Unbanded);
    }

    [Fact]
    public void A_parents_training_is_followed_to_the_childrens_later_involvement_through_family_links()
    {
        var record = Evaluations.DoseResponse(_county.Admin, "twogen-child-welfare-after-training-24m", "exit_reason", "DROPPED_OUT|NO_SHOW,COMPLETED", ["sex", "race"]);

        var bands = record.DoseResponse!.Bands;
        Assert.True(bands.All(b => b.Persons > 50), string.Join(", ", bands.Select(b => $"{b.Band}: {b.Persons}")));
        Assert.True(bands.Sum(b => b.Outcomes) > 0, "some trainees' families are known to child welfare afterwards");
        Assert.Contains(record.Deliveries, d => d.StartsWith("child_welfare#", StringComparison.Ordinal));
    }

    [Fact]
    public void A_persons_timeline_runs_across_agencies_in_date_order_for_administrators_only()
    {
        var index = new PersonIndex(_county.Workspace.Vault);
        var person = index.Records().GroupBy(r => r.PersonId).Where(g => g.Select(r => r.Source).Distinct().Count() >= 3).Select(g => g.Key).Order(StringComparer.Ordinal).First();

        var timeline = Timelines.Of(_county.Admin, person, family: true);

        Assert.True(timeline.Events.Select(e => e.Source).Distinct().Count() >= 2, string.Join(", ", timeline.Events.Select(e => $"{e.Source}/{e.Type}")));
        Assert.Equal(timeline.Events.OrderBy(e => e.Date).Select(e => e.Date), timeline.Events.Select(e => e.Date));
        Assert.Contains(_county.Workspace.Audit.Records(), r => r.Event.Target == $"timeline of person {person} and their family");
        Assert.Throws<AccessDeniedException>(() => Timelines.Of(_county.As("analyst@university.example", Role.Analyst), person));
        Assert.True(Assert.Throws<AccessDeniedException>(() => Timelines.Of(_county.Admin, "NOBODY")).NotFound);
    }

    [SkippableFact]
    public void Evaluations_run_the_same_way_on_PostgreSQL()
    {
        using var test = new TestWorkspace(Engine.PostgreSql);
        var folder = Path.Combine(test.Root, "county");
        new CountyGenerator(new SynthOptions { People = 3_000, Seed = 4, Months = 24 }).Generate(folder);
        foreach (var source in DeliveryInbox.Of(folder).Sources())
        {
            foreach (var delivery in source.Deliveries)
            {
                var outcome = test.Ingest(new DeliveryRequest { Source = source.Name, Provider = delivery.Provider, Paths = [delivery.Folder] });
                Assert.True(outcome.Succeeded, $"{source.Name} {delivery.Month}: {outcome.RejectionReason}");
            }
        }

        WorkspaceLinker.Run(test.Workspace, "tester@test", new WorkspaceLinkOptions());
        var admin = Caller.Operator(test.Workspace);

        var dose = Evaluations.DoseResponse(admin, "fp-reinvolvement-12m", "months_of_service", "0-3,3+", replicates: 100).DoseResponse!;
        Assert.True(dose.Bands.Sum(b => b.Persons) > 0);
        var disparity = Evaluations.Disparity(admin, "hmis-household-exit-to-permanent-housing", "race", "others").Disparity!;
        Assert.Contains(disparity, r => r.Group == "White");
        var around = Evaluations.BeforeAfter(admin, "twogen-parent-employment-after-subsidy").BeforeAfter!;
        Assert.True(around.QuartersBefore > 0 && around.QuartersAfter > 0);
        var cumulative = Evaluations.DoseResponse(admin, "hmis-household-exit-to-permanent-housing", "agencies", "1,2+", ["race"], replicates: 100).DoseResponse!;
        Assert.True(cumulative.Bands.All(b => b.Persons > 0));
        var person = new PersonIndex(test.Workspace.Vault).Records().GroupBy(r => r.PersonId).First(g => g.Select(r => r.Source).Distinct().Count() >= 2).Key;
        Assert.NotEmpty(Timelines.Of(admin, person, family: true).Events);
        Assert.Equal(4, Evaluations.List(admin).Count);
    }

    [Fact]
    public void Bad_requests_are_refused_with_what_was_expected()
    {
        Assert.Contains("no metric 'nope'", Assert.Throws<WorkspaceException>(() => Evaluations.DoseResponse(_county.Admin, "nope", "x", "0-3,3+")).Message, StringComparison.Ordinal);
        Assert.Contains("not a field", Assert.Throws<WorkspaceException>(() => Evaluations.DoseResponse(_county.Admin, "fp-reinvolvement-12m", "months", "0-3,3+")).Message, StringComparison.Ordinal);
        Assert.Contains("two or more bands", Assert.Throws<WorkspaceException>(() => Evaluations.DoseResponse(_county.Admin, "fp-reinvolvement-12m", "months_of_service", "3+")).Message, StringComparison.Ordinal);
        Assert.Contains("It records: sex, race, ethnicity", Assert.Throws<WorkspaceException>(() => Evaluations.Disparity(_county.Admin, "fp-reinvolvement-12m", "income", "others")).Message, StringComparison.Ordinal);
        Assert.Contains("The groups are:", Assert.Throws<WorkspaceException>(() => Evaluations.Disparity(_county.Admin, "hmis-household-exit-to-permanent-housing", "race", "Martian")).Message, StringComparison.Ordinal);
        Assert.Contains("It records: job_training", Assert.Throws<WorkspaceException>(() => Evaluations.Compare(_county.Admin, "hmis-household-exit-to-permanent-housing", "race")).Message, StringComparison.Ordinal);
        Assert.Contains("not a number", Assert.Throws<WorkspaceException>(() => Evaluations.Rdd(_county.Admin, "fp-reinvolvement-12m", "provider_id", 2)).Message, StringComparison.Ordinal);
    }

    private static double Realised(JsonElement effect, string group) => effect.GetProperty(group).GetProperty("realised_rate").GetDouble();

    private static void AssertInside(double realised, Interval interval, string what) =>
        Assert.True(interval.Contains(realised), $"{what}: realised {realised:0.####} outside the 95% interval {interval.Low:0.####} to {interval.High:0.####} (estimate {interval.Estimate:0.####})");

    /// <summary>The county of 20,000 people (seed 1): every source ingested and linked; an analyst's licence to homelessness records.</summary>
    public sealed class County : IDisposable
    {
        private const string Agreements = """
            emou: { id: county-emou, parties: [homelessness, workforce, child_welfare], review_body: review-body, start: 2024-01-01, end: 2030-12-31 }
            dsas:
              - { id: dsa-hmis, partner: homelessness, sources: [homelessness], transfer: plaintext, destroy_on: 2030-12-31 }
            duls:
              - id: dul-housing
                licensee: analyst@university.example
                project: housing-equity
                purpose: Do exits to permanent housing differ by race?
                sources: { homelessness: [Client, Enrollment, Exit] }
                level: deidentified
                start: 2024-01-01
                end: 2030-12-31
            """;

        private readonly TestWorkspace _test = new();
        private readonly JsonDocument _effects;
        private readonly HashSet<string> _computed = new(StringComparer.Ordinal);

        public County()
        {
            var folder = Folder = Path.Combine(_test.Root, "county");
            new CountyGenerator(new SynthOptions { People = 20_000, Seed = 1 }).Generate(folder);
            foreach (var source in DeliveryInbox.Of(folder).Sources())
            {
                foreach (var delivery in source.Deliveries)
                {
                    var outcome = _test.Ingest(new DeliveryRequest { Source = source.Name, Provider = delivery.Provider, Paths = [delivery.Folder] });
                    Assert.True(outcome.Succeeded, $"{source.Name} {delivery.Month}: {outcome.RejectionReason}");
                }
            }

            WorkspaceLinker.Run(_test.Workspace, "tester@test", new WorkspaceLinkOptions());
            Admin = Caller.Operator(_test.Workspace);
            AgreementRegistry.Import(Admin, AgreementsFile.Read("agreements.yaml", Agreements));
            foreach (var (id, parties) in new[] { ("county-emou", new[] { "homelessness", "workforce", "child_welfare", "review-body" }), ("dsa-hmis", ["homelessness", "review-body"]), ("dul-housing", ["homelessness", "review-body"]) })
            {
                foreach (var party in parties)
                {
                    AgreementRegistry.Approve(Admin, id, party);
                }
            }

            // The county's providers, as the demo registers them: utilisation by program counts through their codes.
            ProviderRegistry.Import(Admin, ContractingFile.Read(CountyProviders.FileName, File.ReadAllText(Path.Combine(folder, CountyProviders.FileName))), "the county's providers");
            _effects = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "truth", "effects.json")));
        }

        public Caller Admin { get; }

        /// <summary>The generated county: its deliveries and truth/.</summary>
        public string Folder { get; }

        public Workspace Workspace => _test.Workspace;

        public Caller As(string name, Role role) => new(_test.Workspace, new AccessUser(name, role, AccessScope.None), "evaluation", "test");

        /// <summary>The published results of the metrics <paramref name="ids"/>, each computed once for the whole collection.</summary>
        public PublishedMetrics Computed(params string[] ids)
        {
            lock (_computed)
            {
                var store = new MetricStore(_test.Workspace);
                var catalog = MetricCatalog.Load(_test.Workspace);
                foreach (var id in ids.Where(_computed.Add))
                {
                    store.Compute(MetricCatalog.Find(catalog, id), "tester@test", DateTime.UtcNow);
                }
            }

            return new PublishedMetrics(_test.Workspace);
        }

        public JsonElement Effect(string name) => _effects.RootElement.GetProperty("effects").EnumerateArray().Single(e => e.GetProperty("effect").GetString() == name);

        public void Dispose()
        {
            _effects.Dispose();
            _test.Dispose();
        }
    }
}
