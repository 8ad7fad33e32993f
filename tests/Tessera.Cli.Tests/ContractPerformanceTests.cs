using System.Globalization;
using Tessera.Cli.Commands;
using Tessera.Intake.Inbox;
using Tessera.Synthetic;

namespace Tessera.Cli.Tests;

/// <summary>
/// Contracts on the demo county, built the demo's way (ingest, link, compute, register the
/// county's providers and their contracts): performance equals what <c>metrics show</c> gives, the
/// benchmarks are the program's median and quartiles and the provider's own prior year as this
/// test works them out itself, and the planted best and worst training providers are on and off track;
/// and what a provider's portal shows of its clients after they left is what those metrics give.
/// </summary>
public sealed class ContractPerformanceTests(ContractPerformanceTests.DemoCounty county) : IClassFixture<ContractPerformanceTests.DemoCounty>
{
    /// <summary>A demo workspace over a synthetic county of 8,000 people and three years.</summary>
    public sealed class DemoCounty : IAsyncLifetime
    {
        public string Root { get; } = Directory.CreateTempSubdirectory("tessera-contracts-").FullName;

        public string Folder => Path.Combine(Root, "ws");

        public async Task InitializeAsync()
        {
            var inbox = new DeliveryInbox(Folder);
            new CountyGenerator(new SynthOptions { People = 20_000, Seed = 1, Months = 36 }).Generate(inbox.Root); // the demo county: `tessera demo`'s defaults
            await DemoCommand.IngestCountyAsync(Folder, inbox, TextWriter.Null, TextWriter.Null, CancellationToken.None);
            DemoCommand.LinkCounty(Folder, TextWriter.Null, TextWriter.Null, CancellationToken.None);
        }

        public Task DisposeAsync()
        {
            Directory.Delete(Root, recursive: true);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Every_code_of_the_countys_contracted_providers_is_in_the_registry()
    {
        var contracted = await Rows("providers", "unmapped", "--source", "workforce", "--source", "child_care", "--source", "homelessness", "--format", "csv");
        var all = await Rows("providers", "unmapped", "--format", "csv");

        Assert.Empty(contracted);
        // What is left are codes of places that are not contracted providers: benefits offices,
        // foster placements, police agencies and prisons — each with its rows.
        Assert.Equal(["benefits.cases.county_office", "child_welfare.placements.provider_id", "corrections.arrests.arresting_agency", "corrections.releases.facility"],
            all.Select(r => $"{r["source"]}.{r["file"]}.{r["field"]}").Distinct().Order(StringComparer.Ordinal));
        Assert.All(all, r => Assert.True(long.Parse(r["rows"], System.Globalization.CultureInfo.InvariantCulture) > 0));
    }

    [Fact]
    public async Task Performance_figures_are_those_metrics_show_gives_by_provider()
    {
        var performance = await Rows("contracts", "performance", "WF01-2024", "--format", "csv");
        var shown = (await Rows("metrics", "show", "acm-training-completion", "--by", "provider_id", "--format", "csv"))
            .Where(r => r["group"] == "WF01").ToDictionary(r => r["period_start"]);

        var completion = performance.Where(r => r["metric"] == "acm-training-completion").ToList();
        Assert.Equal(24, completion.Count); // every month from 2024-01 to 2025-12
        Assert.All(completion, row =>
        {
            if (shown.TryGetValue(row["period_start"], out var figure))
            {
                Assert.Equal((figure["period_end"], figure["numerator"], figure["denominator"], figure["value"]), (row["period_end"], row["numerator"], row["denominator"], row["value"]));
            }
            else
            {
                // A month without an enrolment at WF01: no figure, so no data.
                Assert.Equal(("", "no_data"), (row["value"], row["band"]));
            }
        });
        Assert.Equal(shown.Keys.Where(k => string.CompareOrdinal(k, "2024-01-01") >= 0).Order(), completion.Where(r => r["value"].Length > 0).Select(r => r["period_start"]).Order());
    }

    [Fact]
    public async Task Peer_benchmarks_are_the_programs_median_and_quartiles_of_that_period()
    {
        var performance = await Rows("contracts", "performance", "WF02-2024", "--from", "2024-06-01", "--to", "2024-06-01", "--format", "csv");
        var shown = await Rows("metrics", "show", "acm-training-completion", "--by", "provider_id", "--from", "2024-06-01", "--to", "2024-06-01", "--format", "csv");

        var values = shown.Where(r => r["group"].StartsWith("WF", StringComparison.Ordinal) && r["value"].Length > 0).Select(r => Number(r["value"])).Order().ToArray();
        var row = Assert.Single(performance, r => r["metric"] == "acm-training-completion");
        Assert.True(values.Length >= 3, $"{values.Length} providers with a figure");
        Assert.Equal(Quantile(values, 0.5), Number(row["peer_median"]), 12);
        Assert.Equal(Quantile(values, 0.25), Number(row["peer_q1"]), 12);
        Assert.Equal(Quantile(values, 0.75), Number(row["peer_q3"]), 12);
    }

    [Fact]
    public async Task The_historical_benchmark_pools_the_providers_own_year_before()
    {
        var performance = await Rows("contracts", "performance", "WF01-2024", "--from", "2025-03-01", "--to", "2025-03-01", "--format", "csv");
        var year = (await Rows("metrics", "show", "acm-training-completion", "--by", "provider_id", "--from", "2024-03-01", "--to", "2025-02-01", "--format", "csv"))
            .Where(r => r["group"] == "WF01").ToList();

        var row = Assert.Single(performance, r => r["metric"] == "acm-training-completion");
        Assert.True(year.Count >= 6, $"{year.Count} months with a figure");
        Assert.Equal(year.Sum(r => Number(r["numerator"])) / year.Sum(r => Number(r["denominator"])), Number(row["historical"]), 12);
    }

    [Fact]
    public async Task The_planted_best_training_provider_is_on_track_and_the_worst_off_track()
    {
        // The contracts' first year, whose enrolments have all had time to finish.
        var best = await Completion("WF01-2024");
        var worst = await Completion("WF02-2024");

        Assert.True(best.OnTrack > best.OffTrack, $"WF01: {best}");
        Assert.True(worst.OffTrack > worst.OnTrack, $"WF02: {worst}");
        Assert.True(best.Pooled >= best.Target, $"WF01: {best}");
        Assert.True(worst.Pooled < worst.Target - 0.05, $"WF02: {worst}");
    }

    [Fact]
    public async Task The_planted_better_training_provider_earns_more_per_enrolee_than_the_worse()
    {
        var better = await EarnedPerEnrolee("WF01");
        var worse = await EarnedPerEnrolee("WF02");

        Assert.True(better > worse, $"WF01 earned {better:F2} per enrolee on results, WF02 {worse:F2}");
    }

    [Fact]
    public async Task A_statements_outcomes_are_the_numerators_of_the_metric_run_it_names()
    {
        var (code, output, error) = await Run("payments", "run", "--contract", "WF05-2024", "--period", "2024-Q1");
        Assert.True(code == 0, error);
        var lines = await Rows("payments", "statement", output.Trim().Split('\n')[^1].Trim(), "--format", "csv");
        var outcome = lines.Single(l => l["kind"] == "outcome");

        var shown = (await Rows("metrics", "show", "acm-training-completion", "--run", outcome["metric_run"], "--by", "provider_id", "--format", "csv"))
            .Where(r => r["group"] == "WF05" && string.CompareOrdinal(r["period_start"], "2024-01-01") >= 0 && string.CompareOrdinal(r["period_start"], "2024-04-01") < 0);

        Assert.Equal(shown.Sum(r => long.Parse(r["numerator"], System.Globalization.CultureInfo.InvariantCulture)), long.Parse(outcome["count"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(lines.Where(l => l["kind"] != "total").Sum(l => decimal.Parse(l["amount"], System.Globalization.CultureInfo.InvariantCulture)), decimal.Parse(lines[^1]["amount"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_what_if_of_a_contracts_own_terms_reproduces_its_statements()
    {
        var contract = (await Rows("contracts", "list", "--format", "csv")).Single(r => r["contract"] == "WF04-2024");
        var target = (await Rows("contracts", "performance", "WF04-2024", "--format", "csv")).First(r => r["metric"] == "acm-training-completion")["target"];
        var card = Path.Combine(county.Root, "wf04-terms.yaml");
        await File.WriteAllTextAsync(card, $$"""
            metrics: [{ metric: acm-training-completion, type: outcome, target: {{target}} }]
            payments:
              base: 200000.00
              period: quarter
              withhold: { share: 0.10, earn_back_metric: acm-training-completion }
              outcomes: [{ metric: acm-training-completion, rate: 800.00, per: person }]
              cap: 40000.00
            budget: 2000000.00
            """);

        var simulated = (await Rows("payments", "simulate", "--program", "job-training", "--rate-card", card, "--from", contract["start"], "--to", contract["end"], "--format", "csv"))
            .Where(r => r["provider"] == "WF04").ToList();
        var (code, table, _) = await Run("payments", "simulate", "--program", "job-training", "--rate-card", card, "--from", contract["start"], "--to", contract["end"]);

        Assert.Equal(8, simulated.Count); // two years of quarters
        foreach (var row in simulated.Take(4))
        {
            var (runCode, output, error) = await Run("payments", "run", "--contract", "WF04-2024", "--period", row["period"]);
            Assert.True(runCode == 0, error);
            var statement = await Rows("payments", "statement", output.Trim().Split('\n')[^1].Trim(), "--format", "csv");
            Assert.Equal(statement[^1]["amount"], row["total"]);
            Assert.Equal(statement.Single(l => l["kind"] == "outcome")["count"], row["outcomes"]);
        }

        Assert.Equal(0, code);
        Assert.Matches(@"total\s+\d+\.\d\d  of a budget of 2000000\.00", table);
        Assert.Contains("spread across 7 providers: lowest ", table, StringComparison.Ordinal); // the seven training providers
    }

    /// <summary>What a provider's 2024 statements pay on results (earn-back, outcomes, bonus, caps) per enrolment of 2024; each statement's total is the sum of its lines.</summary>
    private async Task<decimal> EarnedPerEnrolee(string provider)
    {
        var earned = 0m;
        foreach (var quarter in new[] { "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4" })
        {
            var (code, output, error) = await Run("payments", "run", "--contract", provider + "-2024", "--period", quarter);
            Assert.True(code == 0, error);
            var id = output.Trim().Split('\n')[^1].Trim();
            var lines = await Rows("payments", "statement", id, "--format", "csv");
            var amounts = lines.Where(l => l["kind"] != "total").Select(l => decimal.Parse(l["amount"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(amounts.Sum(), decimal.Parse(lines[^1]["amount"], System.Globalization.CultureInfo.InvariantCulture));
            earned += lines.Where(l => l["kind"] is "earn_back" or "outcome" or "bonus" or "cap" or "floor").Sum(l => decimal.Parse(l["amount"], System.Globalization.CultureInfo.InvariantCulture));
        }

        var enrolments = (await Rows("metrics", "show", "acm-training-completion", "--by", "provider_id", "--format", "csv"))
            .Where(r => r["group"] == provider && r["period_start"].StartsWith("2024-", StringComparison.Ordinal)).Sum(r => decimal.Parse(r["denominator"], System.Globalization.CultureInfo.InvariantCulture));
        return earned / enrolments;
    }

    [Fact]
    public async Task A_contract_shows_its_targets_with_who_proposed_them_and_why()
    {
        var (code, output, _) = await Run("contracts", "show", "WF01-2024");

        Assert.Equal(0, code);
        Assert.Contains("Contract WF01-2024: workforce with provider WF01 for job-training", output, StringComparison.Ordinal);
        Assert.Matches(@"target 0\.\d+ from 2024-01-01, proposed by agency, agreed 2024-01-01: median of the program's providers in 2023", output);
        Assert.Contains("1  ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alert_fires_on_the_planted_collapse_of_referrals_in_its_months()
    {
        var (code, output, error) = await Run("acm", "alerts", "--contract", "WF03-2024", "--format", "csv");
        Assert.True(code == 0, error);
        Assert.Equal("contract,provider,metric,period_start,period_end,rule,value,expected,lower_limit,upper_limit", output.Split('\n')[0]);

        var truth = Directory.GetFiles(county.Root, "effects.json", SearchOption.AllDirectories).Single(f => f.Contains("truth", StringComparison.Ordinal));
        using var effects = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(truth));
        var collapse = DateOnly.ParseExact(effects.RootElement.GetProperty("effects").EnumerateArray()
            .Single(e => e.GetProperty("effect").GetString() == "referral_to_enrolment_collapse").GetProperty("collapse_month").GetString() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var alerts = await Rows("acm", "alerts", "--contract", "WF03-2024", "--format", "csv");
        Assert.Contains(alerts, a => a["metric"] == "acm-referral-to-enrolment" && DateOnly.Parse(a["period_start"], CultureInfo.InvariantCulture) is var start
            && start >= collapse && start < collapse.AddMonths(3) && Number(a["value"]) < Number(a["expected"]));
        Assert.All(await Rows("acm", "alerts", "--program", "job-training", "--format", "csv"), a => Assert.StartsWith("WF0", a["contract"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_planted_best_and_worst_shelters_rank_first_and_last_on_exits_to_permanent_housing()
    {
        var ranking = await Rows("acm", "dashboard", "--program", "emergency-shelter", "--metric", "hmis-exit-to-permanent-housing", "--format", "csv");

        Assert.Equal(["ES01", "ES02", "ES03", "ES04"], ranking.Select(r => r["provider"]).Order(StringComparer.Ordinal));
        Assert.Equal("ES01", ranking[0]["provider"]);
        Assert.Equal("1", ranking[0]["rank"]);
        Assert.Equal("ES03", ranking[^1]["provider"]);
        Assert.True(Number(ranking[0]["value"]) > Number(ranking[^1]["value"]));
    }

    [Fact]
    public async Task Raw_completion_ranks_the_equally_good_pair_apart_and_the_client_mix_adjustment_does_not()
    {
        // The truth: WF06 and WF07 are equally effective with each kind of client; WF07 serves mostly people released from prison.
        var truth = Directory.GetFiles(county.Root, "effects.json", SearchOption.AllDirectories).Single(f => f.Contains("truth", StringComparison.Ordinal));
        using (var effects = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(truth)))
        {
            var mix = effects.RootElement.GetProperty("effects").EnumerateArray().Single(e => e.GetProperty("effect").GetString() == "client_mix");
            Assert.Equal("WF07", mix.GetProperty("harder_cases_provider").GetString());
        }

        var rows = await Rows("acm", "dashboard", "--program", "job-training", "--metric", "acm-training-completion", "--from", "2023-01-01", "--format", "csv");
        var (easier, harder) = (rows.Single(r => r["provider"] == "WF06"), rows.Single(r => r["provider"] == "WF07"));
        var (n6, n7) = (Number(easier["denominator"]), Number(harder["denominator"]));
        double Z(string column)
        {
            var pooled = ((Number(easier[column]) * n6) + (Number(harder[column]) * n7)) / (n6 + n7);
            return (Number(easier[column]) - Number(harder[column])) / Math.Sqrt(pooled * (1 - pooled) * ((1 / n6) + (1 / n7)));
        }

        Assert.True(Z("value") > 1.96, $"raw: WF06 {easier["value"]} of {n6}, WF07 {harder["value"]} of {n7}, z {Z("value"):F2}");
        Assert.True(Math.Abs(Z("adjusted")) < 1.96, $"adjusted: WF06 {easier["adjusted"]}, WF07 {harder["adjusted"]}, z {Z("adjusted"):F2}");
        Assert.True(int.Parse(easier["rank"], CultureInfo.InvariantCulture) < int.Parse(harder["rank"], CultureInfo.InvariantCulture));
        // The expected completions of the harder cases' provider are far below its cases' share: the adjustment has something to adjust.
        Assert.True(Number(harder["expected"]) / n7 < Number(easier["expected"]) / n6);
    }

    [Theory]
    [InlineData("FP01", "fp-reinvolvement-12m", "provider_id")]
    [InlineData("FP03", "fp-reinvolvement-12m", "provider_id")]
    [InlineData("ES01", "hmis-returns-to-homelessness-12m", "project")]
    [InlineData("ES04", "hmis-returns-to-homelessness-12m", "project")]
    public async Task A_providers_post_exit_outcomes_are_what_the_metric_gives_for_its_codes(string provider, string metric, string by)
    {
        var shown = (await Rows("metrics", "show", metric, "--by", by, "--format", "csv")).Where(r => r["group"] == provider).ToDictionary(r => r["period_start"]);

        IReadOnlyList<Storage.Contracting.PostExitOutcome> outcomes;
        using (var workspace = Storage.Workspaces.Workspace.Open(county.Folder))
        {
            outcomes = Storage.Contracting.PostExitOutcomes.Of(Storage.Access.Caller.Operator(workspace), provider);
        }

        var outcome = Assert.Single(outcomes, o => o.Metric == metric);
        Assert.NotEmpty(outcome.Cohorts);
        Assert.Equal(shown.Keys.Order(StringComparer.Ordinal), outcome.Cohorts.Select(c => c.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        foreach (var cohort in outcome.Cohorts)
        {
            var row = shown[cohort.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
            Assert.Equal(Number(row["denominator"]), cohort.Denominator!.Value);
            Assert.Equal(Number(row["numerator"]), cohort.Numerator!.Value);
        }

        Assert.Contains(outcome.Cohorts, c => c.Numerator > 0); // the other agency's data found some
        var others = outcomes.Select(o => o.Metric).ToList();
        Assert.DoesNotContain(others, m => m.StartsWith("acm-", StringComparison.Ordinal)); // only measures of after the exit
    }

    [Fact]
    public async Task Post_exit_outcomes_cover_every_kind_of_provider_and_no_one_else_s()
    {
        using var workspace = Storage.Workspaces.Workspace.Open(county.Folder);
        var admin = Storage.Access.Caller.Operator(workspace);

        Assert.Equal(["postexit-arrest-after-training-12m", "wioa-employment-q2", "wioa-employment-q4", "wioa-median-earnings-q2"],
            Storage.Contracting.PostExitOutcomes.Of(admin, "WF01").Select(o => o.Metric).Order(StringComparer.Ordinal));
        Assert.Equal(["hmis-returns-to-homelessness-12m", "postexit-arrest-after-shelter-12m"],
            Storage.Contracting.PostExitOutcomes.Of(admin, "ES02").Select(o => o.Metric).Order(StringComparer.Ordinal));
        Assert.Equal(["twogen-parent-employment-after-subsidy"], Storage.Contracting.PostExitOutcomes.Of(admin, "CC101").Select(o => o.Metric));

        // Provider staff see their own provider's, and another's does not exist.
        var staff = new Storage.Access.Caller(workspace, new Governance.Access.AccessUser("staff@wf01", Governance.Access.Role.ProviderStaff, Governance.Access.AccessScope.OfProviders(["WF01"])), "portal", "test");
        Assert.NotEmpty(Storage.Contracting.PostExitOutcomes.Of(staff, "WF01"));
        Assert.True(Assert.Throws<Storage.Access.AccessDeniedException>(() => Storage.Contracting.PostExitOutcomes.Of(staff, "FP01")).NotFound);
        Assert.Contains(workspace.Audit.Records(), r => r.Event.Actor == "staff@wf01" && r.Event.Target == "post-exit outcomes of provider FP01" && r.Event.Outcome == Governance.Audit.AuditOutcome.Denied);
        await Task.CompletedTask;
    }

    [Fact]
    public void A_provider_sees_its_peers_under_labels_that_follow_neither_rank_nor_size()
    {
        using var workspace = Storage.Workspaces.Workspace.Open(county.Folder);
        var staff = new Storage.Access.Caller(workspace, new Governance.Access.AccessUser("staff@wf01", Governance.Access.Role.ProviderStaff, Governance.Access.AccessScope.OfProviders(["WF01"])), "portal", "test");
        var admin = Storage.Access.Caller.Operator(workspace);

        var completion = Storage.Management.PeerComparison.Of(staff, "WF01", "acm-training-completion");
        var referral = Storage.Management.PeerComparison.Of(staff, "WF01", "acm-referral-to-enrolment");

        // Every other provider of the program once — alone under a label that names none of them, or in the group of smaller ones.
        Dictionary<string, string> Providers(Storage.Management.PeerView view)
        {
            var exact = Storage.Management.Dashboards.Program(admin, "job-training", view.Metric).Providers.Where(p => p.Provider != "WF01" && p.Denominator > 0).ToList();
            Assert.Equal(exact.Count, view.Peers.Count + (view.Group?.Providers ?? 0));
            return view.Peers.ToDictionary(p => p.Label, p => exact.Single(e => e.Value == p.Value).Provider, StringComparer.Ordinal); // the exact figure names it, for this test only
        }

        var (byCompletion, byReferral) = (Providers(completion), Providers(referral));
        Assert.All(completion.Peers.Concat(referral.Peers), p => Assert.Matches("^Peer [0-9A-Z]{5}$", p.Label));
        Assert.Equal(Storage.Management.Dashboards.Program(admin, "job-training", "acm-training-completion").Providers.Single(p => p.Provider == "WF01").Rank, completion.Rank);

        // A provider keeps its label from one measure to the next, wherever it ranks: labels are not ranks.
        var views = new[] { completion, referral }.Concat(new[] { "acm-first-day-attendance", "wioa-employment-q2" }
            .Select(m => Storage.Management.PeerComparison.Of(staff, "WF01", m))).ToList();
        var named = views.Select(Providers).ToList();
        Assert.All(named.SelectMany(n => n), x => Assert.Equal(byCompletion.GetValueOrDefault(x.Key, x.Value), x.Value));
        var orders = views.Select(v => string.Join(",", v.Peers.Select(p => p.Label).Where(byCompletion.ContainsKey).Intersect(byReferral.Keys))).Distinct().ToList();
        Assert.True(orders.Count > 1, "the peers stand in the same order on every measure");
        Assert.Equal(completion.Peers.Select(p => p.Label), Storage.Management.PeerComparison.Of(staff, "WF01", "acm-training-completion").Peers.Select(p => p.Label));
        Assert.All(completion.Peers, p => Assert.Contains(p.Size, new[] { "fewer than 50", "50–99", "100–249", "250–499", "500–999", "1,000 or more" })); // bands, not counts
        if (completion.Group is { } group)
        {
            Assert.True(group.Providers >= 2);
        }

        // Another provider's peers do not exist for WF01's staff.
        Assert.True(Assert.Throws<Storage.Access.AccessDeniedException>(() => Storage.Management.PeerComparison.Of(staff, "WF02", "acm-training-completion")).NotFound);
    }

    private async Task<(int OnTrack, int OffTrack, double Pooled, double Target)> Completion(string contract)
    {
        var rows = (await Rows("contracts", "performance", contract, "--from", "2024-01-01", "--to", "2024-12-01", "--format", "csv")).Where(r => r["metric"] == "acm-training-completion").ToList();
        var with = rows.Where(r => r["denominator"].Length > 0).ToList();
        return (rows.Count(r => r["band"] == "on_track"), rows.Count(r => r["band"] == "off_track"),
            with.Sum(r => Number(r["numerator"])) / with.Sum(r => Number(r["denominator"])), Number(rows[0]["target"]));
    }

    // Linear interpolation between order statistics (R type 7), worked out here rather than taken from a library.
    private static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var below = (int)Math.Floor(h);
        return below + 1 < sorted.Length ? sorted[below] + ((h - below) * (sorted[below + 1] - sorted[below])) : sorted[below];
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private Task<(int Code, string Out, string Err)> Run(params string[] args) => Cli.Run([.. args, "--workspace", county.Folder]);

    private async Task<List<Dictionary<string, string>>> Rows(params string[] args)
    {
        var (code, output, error) = await Run(args);
        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => l.Split(',').Select((v, i) => (header[i], v)).ToDictionary(c => c.Item1, c => c.v)).ToList();
    }
}
