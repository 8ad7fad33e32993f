using System.CommandLine;
using System.Globalization;
using Tessera.Core.Text;
using Tessera.Storage.Access;
using Tessera.Storage.Management;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera acm</c>: active contract management from the command line — the alerts the
/// contracts' figures raise, acknowledging and closing them, and the action items
/// (docs/active-contract-management.md).
/// </summary>
public static class AcmCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var command = new Command("acm", "Active contract management: alerts on the contracts' metrics and the action items they lead to.");
        command.Subcommands.Add(AlertsCommand(output));
        command.Subcommands.Add(SetAlert(output, "acknowledge", "Acknowledge an alert: someone is acting on it.", Alerts.Acknowledge));
        command.Subcommands.Add(SetAlert(output, "close", "Close an alert: it has been dealt with.", Alerts.Close));
        command.Subcommands.Add(Actions(output));
        command.Subcommands.Add(Dashboard(output));
        command.Subcommands.Add(SampleCommand(output));
        return command;
    }

    private static Command AlertsCommand(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var contract = new Option<string?>("--contract") { Description = "Only this contract's alerts, e.g. WF03-2024." };
        var program = new Option<string?>("--program") { Description = "Only the alerts of this program's contracts, e.g. job-training." };
        var format = new Option<string>("--format")
        {
            Description = "table, or csv (contract,provider,metric,period_start,period_end,rule,value,expected,lower_limit,upper_limit).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "csv");
        var alerts = new Command("alerts", "The alerts the contracts' published figures raise: a metric off track two periods in a row, or a change a control chart calls real.")
        {
            contract, program, format, workspace,
        };
        alerts.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var raised = Alerts.List(Caller.Operator(opened), parsed.GetValue(contract), parsed.GetValue(program));
            if (parsed.GetValue(format) == "csv")
            {
                var csv = new CsvWriter(output);
                csv.Row(Contracts.Monitoring.Alert.Header);
                foreach (var a in raised)
                {
                    csv.Row(a.Alert.Cells);
                }

                return ExitCodes.Ok;
            }

            foreach (var a in raised)
            {
                var x = a.Alert;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{a.Id,5}  {x.Contract,-14} {x.Metric,-32} {x.PeriodStart:yyyy-MM-dd}  {x.Value,6:0.000} (expected {x.Expected:0.000})  {x.RuleWords}  [{a.Status}]"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{raised.Count} alerts, {raised.Count(a => a.Status == Alerts.Open)} open."));
            return ExitCodes.Ok;
        });
        return alerts;
    }

    private static Command SetAlert(TextWriter output, string name, string description, Func<Caller, long, string?, RaisedAlert> set)
    {
        var workspace = WorkspaceOption.Create();
        var id = new Argument<long>("ID") { Description = "The alert's number (acm alerts shows them)." };
        var note = new Option<string?>("--note") { Description = "What is being done, or how it was dealt with." };
        var command = new Command(name, description) { id, note, workspace };
        command.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var a = set(Caller.Operator(opened), parsed.GetValue(id), parsed.GetValue(note));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Alert {a.Id} ({a.Alert.Contract}, {a.Alert.Metric}, {a.Alert.PeriodStart:yyyy-MM}): {a.Status}."));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Dashboard(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var program = new Option<string>("--program") { Description = "The program, e.g. emergency-shelter.", Required = true };
        var metric = new Option<string>("--metric") { Description = "A metric of the program's contracts, e.g. hmis-exit-to-permanent-housing.", Required = true };
        var format = new Option<string>("--format")
        {
            Description = "table, or csv (program,metric,from,to,provider,name,numerator,denominator,value,previous_value,rank,funnel_position,hidden,expected,adjusted,adjusted_rank,adjusted_funnel_position).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "csv");
        var from = new Option<string?>("--from") { Description = "First day of the window, YYYY-MM-DD (default: twelve months before --to)." };
        var to = new Option<string?>("--to") { Description = "Last day of the window, YYYY-MM-DD (default: the end of the latest month with results)." };
        var dashboard = new Command("dashboard", "A program's providers ranked on a metric over the latest twelve months — raw and, where the metric says what to adjust for, client-mix-adjusted — with where each lies on the funnel plot and its year before.")
        {
            program, metric, from, to, format, workspace,
        };
        dashboard.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var d = Dashboards.Program(Caller.Operator(opened), parsed.GetValue(program)!, parsed.GetValue(metric)!, Day(parsed.GetValue(to), "--to"), Day(parsed.GetValue(from), "--from"));
            if (parsed.GetValue(format) == "csv")
            {
                var csv = new CsvWriter(output);
                csv.Row(["program", "metric", "from", "to", "provider", "name", "numerator", "denominator", "value", "previous_value", "rank", "funnel_position", "hidden",
                    "expected", "adjusted", "adjusted_rank", "adjusted_funnel_position"]);
                foreach (var p in d.Providers)
                {
                    var position = d.Funnel?.Points.FirstOrDefault(f => f.Provider == p.Provider)?.Position;
                    var adjustedPosition = d.AdjustedFunnel?.Points.FirstOrDefault(f => f.Provider == p.Provider)?.Position;
                    csv.Row([d.Program, d.Metric, d.From, d.To, p.Provider, p.Name, p.Numerator, p.Denominator, p.Value, p.PreviousValue, p.Rank, p.Hidden ? null : position, p.Hidden,
                        p.Expected, p.Adjusted, p.AdjustedRank, p.Hidden ? null : adjustedPosition]);
                }

                return ExitCodes.Ok;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{d.Title}, {d.Program}, {d.From:yyyy-MM-dd} to {d.To:yyyy-MM-dd}{(d.Funnel is { } f ? $"; program rate {f.Centre:0.000}" : "")}"));
            if (d.AdjustedFor.Count > 0)
            {
                output.WriteLine($"adjusted for: {string.Join("; ", d.AdjustedFor)} (indirect standardisation)");
            }

            foreach (var p in d.Providers)
            {
                output.WriteLine(p.Hidden
                    ? $"   -  {p.Provider,-8} hidden (small numbers)"
                    : string.Create(CultureInfo.InvariantCulture,
                        $"{p.Rank,4}  {p.Provider,-8} {p.Value,7:0.000} of {p.Denominator,6}  (year before {p.PreviousValue?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-"})  {p.Position}{(p.Adjusted is { } a ? $"; adjusted {a:0.000}, rank {p.AdjustedRank}" : "")}"));
            }

            return ExitCodes.Ok;
        });
        return dashboard;
    }

    private static Command SampleCommand(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var contract = new Option<string>("--contract") { Description = "The contract, e.g. WF03-2024.", Required = true };
        var metric = new Option<string>("--metric") { Description = "One of its metrics.", Required = true };
        var per = new Option<int>("--per-outcome") { Description = "Cases of each outcome (good, poor), 1 to 20.", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "The seed: the same seed draws the same cases.", DefaultValueFactory = _ => 1 };
        var sample = new Command("sample", "A reproducible case-file review sample of a contract's good and poor outcomes, as CSV (contract,metric,outcome,person_id,anchor_date,period_start); person-level, audited.")
        {
            contract, metric, per, seed, workspace,
        };
        sample.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var csv = new CsvWriter(output);
            csv.Row(CaseSample.Header);
            foreach (var s in CaseReview.Sample(Caller.Operator(opened), parsed.GetValue(contract)!, parsed.GetValue(metric)!, parsed.GetValue(per), parsed.GetValue(seed)))
            {
                csv.Row(s.Cells);
            }

            return ExitCodes.Ok;
        });
        return sample;
    }

    private static Command Actions(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var contract = new Option<string?>("--contract") { Description = "Only this contract's items." };
        var program = new Option<string?>("--program") { Description = "Only this program's items." };
        var format = new Option<string>("--format") { Description = "table, or csv (id,title,owner,due,status,overdue,program,contract,metric,alert,report,meeting,closed,lesson).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var actions = new Command("actions", "The action items, open first, by due day; overdue ones flagged.") { contract, program, format, workspace };
        actions.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var today = DateOnly.FromDateTime(opened.UtcNow);
            var items = ActionItems.List(Caller.Operator(opened), parsed.GetValue(contract), parsed.GetValue(program));
            if (parsed.GetValue(format) == "csv")
            {
                var csv = new CsvWriter(output);
                csv.Row(["id", "title", "owner", "due", "status", "overdue", "program", "contract", "metric", "alert", "report", "meeting", "closed", "lesson"]);
                foreach (var i in items)
                {
                    csv.Row([i.Id, i.Title, i.Owner, i.Due, i.Status, i.IsOverdueOn(today), i.Program, i.Contract, i.Metric, i.Alert, i.Report, i.Meeting, i.Closed, i.Lesson]);
                }

                return ExitCodes.Ok;
            }

            foreach (var i in items)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i.Id,5}  due {i.Due:yyyy-MM-dd}{(i.IsOverdueOn(today) ? " OVERDUE" : "")}  {i.Status,-6} {i.Owner,-20} {i.Title}"));
            }

            return ExitCodes.Ok;
        });
        return actions;
    }

    private static DateOnly? Day(string? text, string option) => text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new UsageException($"{option} '{text}' is not a date written YYYY-MM-DD.");
}
