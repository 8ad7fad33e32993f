using System.CommandLine;
using System.Globalization;
using Tessera.Core.Text;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Metrics.Definitions;
using Tessera.Storage.Access;
using Tessera.Storage.Metrics;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera metrics</c>: the metric catalogue (<c>list</c>), computing metrics over the workspace
/// (<c>compute</c>), their results (<c>show</c>) and the persons behind one figure (<c>members</c>).
/// The workspace operator sees exact figures; suppression applies to what the web app and exports
/// show to others.
/// </summary>
public static class MetricsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error) =>
        new("metrics", "Outcome metrics: the catalogue, computing them over the workspace, and their results.")
        {
            List(output), Compute(output, error), Show(output), Members(output), Queue(output),
        };

    private static Command Queue(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var run = new Option<bool>("--run") { Description = "Compute every metric waiting, with progress, instead of listing the queue." };
        var command = new Command("queue", "The recomputation queue: metrics waiting to be computed again because a delivery they read was accepted (the web server computes them on its own).") { run, workspace };
        command.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var caller = Storage.Access.Caller.Operator(opened);
            if (parsed.GetValue(run))
            {
                var computed = RecomputeQueue.RunPending(caller, (done, of) => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"computed {done} of {of}")));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{computed} queued metrics computed."));
                return ExitCodes.Ok;
            }

            foreach (var q in RecomputeQueue.List(caller))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{q.Id,5}  {q.Metric,-42} {q.Status,-8} queued {q.QueuedUtc:yyyy-MM-dd HH:mm}{(q.Run is { } r ? $", run #{r}" : "")}{(q.Error is { } e ? $": {e}" : "")}  ({q.Reason})"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var command = new Command("list", "List the metrics this workspace knows (standard library and its metrics/ folder), whether each can be computed here, and when it last was.") { workspace };
        command.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.Open(parsed, workspace, Capability.ViewMetrics, AuditAction.Read, "metric catalogue");
            var runs = new PublishedMetrics(opened).LatestRuns();
            foreach (var entry in Catalog(opened))
            {
                var metric = entry.Definition;
                var status = !entry.Available ? "unavailable: " + string.Join(" ", entry.Problems)
                    : runs.GetValueOrDefault(metric.Id) is { } run ? string.Create(CultureInfo.InvariantCulture, $"computed {run.ComputedUtc:yyyy-MM-dd HH:mm} (data to {run.AsOf:yyyy-MM-dd})")
                    : "not computed yet";
                output.WriteLine($"{metric.Id,-42} v{metric.Version,-3} {metric.Title}");
                output.WriteLine($"{"",42}      {entry.Origin}; {status}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Compute(TextWriter output, TextWriter error)
    {
        var workspace = WorkspaceOption.Create();
        var metric = new Option<string?>("--metric") { Description = "Only this metric (default: every metric the workspace can compute)." };
        var from = new Option<string?>("--from") { Description = "Only anchor dates from this day, YYYY-MM-DD." };
        var to = new Option<string?>("--to") { Description = "Only anchor dates up to this day, YYYY-MM-DD." };
        var period = new Option<string?>("--period") { Description = "Only anchor dates in this period: a year (2024), a quarter (2024-Q3) or a month (2024-07)." };
        var command = new Command("compute", "Compute metrics over the current data and store the results with the definition version and the deliveries used.") { metric, period, from, to, workspace };
        command.SetAction(parsed =>
        {
            var (start, end) = (Date(parsed.GetValue(from), "--from"), Date(parsed.GetValue(to), "--to"));
            if (parsed.GetValue(period) is { } text)
            {
                if (start is not null || end is not null)
                {
                    throw new UsageException("Give either --period or --from/--to, not both.");
                }

                (start, end) = Period(text);
            }
            using var opened = WorkspaceOption.Open(parsed, workspace, Capability.ComputeMetrics, AuditAction.Compute, parsed.GetValue(metric) is { } one ? $"metric {one}" : "every metric");
            var catalog = Catalog(opened);
            var chosen = parsed.GetValue(metric) is { } id ? [MetricCatalog.Find(catalog, id)] : catalog.Where(e => e.Available).ToList();
            var store = new MetricStore(opened);
            var (computed, index) = (0, 0);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            store.Compute(chosen, opened.Config.Operator, opened.UtcNow, start, end, (entry, run, problem) =>
            {
                error.WriteLine($"[{++index}/{chosen.Count}] {entry.Definition.Id}");
                if (run is null)
                {
                    output.WriteLine($"{entry.Definition.Id}: skipped — {problem!.Message}");
                    return;
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{entry.Definition.Id}: run #{run.Id}, {run.Members:N0} population row(s), data to {run.AsOf:yyyy-MM-dd}, {run.Deliveries.Count} delivery(ies) read, {clock.Elapsed.TotalSeconds:0.0} s."));
                computed++;
                clock.Restart();
            });
            if (parsed.GetValue(metric) is not null && computed == 0)
            {
                throw new UsageException("The metric was not computed (see above).");
            }

            output.WriteLine($"{computed} metric(s) computed.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var id = new Argument<string>("METRIC") { Description = "The metric's id (see 'tessera metrics list')." };
        var from = new Option<string?>("--from") { Description = "Periods starting on or after this day, YYYY-MM-DD." };
        var to = new Option<string?>("--to") { Description = "Periods starting on or before this day, YYYY-MM-DD." };
        var by = new Option<string?>("--by") { Description = "A breakdown of the metric (its group_by names, e.g. provider_id); default: overall." };
        var format = new Option<string>("--format") { Description = "table or csv (metric,group,period_start,period_end,numerator,denominator,value).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var runOption = new Option<long?>("--run") { Description = "An earlier run (see --runs), e.g. the one a payment was based on; default: the latest." };
        var runs = new Option<bool>("--runs") { Description = "List the metric's runs (data end, deliveries read) instead of results." };
        var command = new Command("show", "Show a metric's latest results by period, overall or by one breakdown. Exact figures: the operator's view.") { id, from, to, by, format, runOption, runs, workspace };
        command.SetAction(parsed =>
        {
            var metricId = parsed.GetValue(id)!;
            var (start, end) = (Date(parsed.GetValue(from), "--from"), Date(parsed.GetValue(to), "--to"));
            using var opened = WorkspaceOption.Open(parsed, workspace, Capability.ViewMetrics, AuditAction.Read, $"results of metric {metricId}");
            var entry = MetricCatalog.Find(Catalog(opened), metricId);
            var group = parsed.GetValue(by) ?? "all";
            if (group != "all" && entry.Definition.GroupBy.All(g => g.Name != group))
            {
                throw new UsageException($"'{metricId}' has no breakdown '{group}'. Its breakdowns: {(entry.Definition.GroupBy.Count == 0 ? "none" : string.Join(", ", entry.Definition.GroupBy.Select(g => g.Name)))}.");
            }

            var store = new PublishedMetrics(opened);
            if (store.LatestRun(metricId) is null)
            {
                throw new UsageException($"'{metricId}' has not been computed yet: run 'tessera metrics compute --metric {metricId}'.");
            }

            if (parsed.GetValue(runs))
            {
                foreach (var run in store.Runs(metricId))
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"run #{run.Id}  v{run.Version}  computed {run.ComputedUtc:yyyy-MM-dd HH:mm} by {run.Operator}  data to {run.AsOf:yyyy-MM-dd}  {run.Members:N0} rows  deliveries {string.Join(" ", run.Deliveries)}  linkage {(run.LinkRun is { } link ? $"run #{link}" : "none recorded")}"));
                }

                return ExitCodes.Ok;
            }

            var chosenRun = parsed.GetValue(runOption);
            if (chosenRun is { } wanted && store.Runs(metricId).All(r => r.Id != wanted))
            {
                throw new UsageException($"'{metricId}' has no run #{wanted}; see 'tessera metrics show {metricId} --runs'.");
            }

            var results = store.Results(metricId, group, start, end, chosenRun);
            if (parsed.GetValue(format) == "csv")
            {
                var csv = new CsvWriter(output);
                csv.Row("metric", "group", "period_start", "period_end", "numerator", "denominator", "value");
                foreach (var r in results)
                {
                    csv.Row(r.MetricId, r.GroupValue, r.PeriodStart, r.PeriodEnd, r.Numerator, r.Denominator, r.Value);
                }

                return ExitCodes.Ok;
            }

            output.WriteLine($"{entry.Definition.Title} ({metricId} v{entry.Definition.Version}; {entry.Definition.Polarity.Replace('_', ' ')})");
            output.WriteLine($"{"period",-23} {(group == "all" ? "" : group),-24} {"numerator",10} {"denominator",12} {"value",12}");
            foreach (var r in results)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.PeriodStart:yyyy-MM-dd} to {r.PeriodEnd:yyyy-MM-dd} {(group == "all" ? "" : r.GroupValue),-24} {r.Numerator,10} {r.Denominator,12} {Format(entry.Definition, r.Value),12}"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Members(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var id = new Argument<string>("METRIC") { Description = "The metric's id." };
        var period = new Option<string>("--period") { Description = "The period's first day, YYYY-MM-DD, as 'metrics show' lists it.", Required = true };
        var by = new Option<string?>("--by") { Description = "The breakdown (default: overall)." };
        var value = new Option<string?>("--value") { Description = "The breakdown's value, e.g. WF01." };
        var command = new Command("members", "List the pseudonymous persons behind one figure, and whether each counted in the numerator. Person-level: audited.") { id, period, by, value, workspace };
        command.SetAction(parsed =>
        {
            var metricId = parsed.GetValue(id)!;
            var start = Date(parsed.GetValue(period), "--period")!.Value;
            var group = parsed.GetValue(by) ?? "all";
            if (group != "all" && parsed.GetValue(value) is null)
            {
                throw new UsageException("--by needs --value: which group's members to list.");
            }

            using var opened = WorkspaceOption.Open(parsed, workspace, Capability.ViewMetricPersons, AuditAction.Read, $"persons behind metric {metricId} for {start:yyyy-MM-dd}");
            var entry = MetricCatalog.Find(Catalog(opened), metricId);
            ProtectedRecords.PermitPersonLevel(Caller.Operator(opened), entry.Definition, $"persons behind metric {metricId} for {start:yyyy-MM-dd}");
            var run = new PublishedMetrics(opened).LatestRun(metricId)
                ?? throw new UsageException($"'{metricId}' has not been computed yet: run 'tessera metrics compute --metric {metricId}'.");
            var csv = new CsvWriter(output);
            csv.Row("person_id", "anchor_date", "in_numerator");
            foreach (var (person, anchor, hit) in new MetricStore(opened).Members(entry, run, group, parsed.GetValue(value) ?? "all", start))
            {
                csv.Row(person, anchor, hit ? "yes" : "no");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static IReadOnlyList<CatalogEntry> Catalog(Storage.Workspaces.Workspace workspace)
    {
        try
        {
            return MetricCatalog.Load(workspace);
        }
        catch (MetricDefinitionException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    private static string Format(MetricDefinition metric, double? value) => value is not { } v ? "" : metric.ValueKind switch
    {
        MetricValue.Rate => v.ToString("P1", CultureInfo.InvariantCulture),
        MetricValue.Count => v.ToString("N0", CultureInfo.InvariantCulture),
        _ => v.ToString("N2", CultureInfo.InvariantCulture),
    };

    private static (DateOnly, DateOnly) Period(string text)
    {
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }

        if (text.Length == 7 && text[4..6] == "-Q" && int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out year) && text[6] is >= '1' and <= '4')
        {
            var first = new DateOnly(year, ((text[6] - '1') * 3) + 1, 1);
            return (first, first.AddMonths(3).AddDays(-1));
        }

        if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return (month, month.AddMonths(1).AddDays(-1));
        }

        throw new UsageException($"--period must be a year (2024), a quarter (2024-Q3) or a month (2024-07), not '{text}'.");
    }

    /// <summary>A date option's value, written YYYY-MM-DD; anything else is invalid input.</summary>
    internal static DateOnly? Date(string? text, string option) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new UsageException($"{option} must be a date written YYYY-MM-DD, e.g. 2024-01-01 (got '{text}').");
}
