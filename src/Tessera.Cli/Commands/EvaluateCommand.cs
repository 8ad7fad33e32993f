using System.CommandLine;
using System.Globalization;
using Tessera.Core.Text;
using Tessera.Storage.Access;
using Tessera.Storage.Evaluation;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera evaluate dose-response|disparity|rdd|list|show</c>: evaluations of a metric's
/// population and outcome (docs/evaluation.md). Each run is kept with its reproducible record;
/// <c>--format csv</c> prints the table under the header its command promises, <c>json</c> the
/// whole record.
/// </summary>
public static class EvaluateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var command = new Command("evaluate", "Evaluate: outcome rates by dose, disparities between groups, regression discontinuity at a score cut-off.");
        command.Subcommands.Add(DoseResponse(output));
        command.Subcommands.Add(Compare(output));
        command.Subcommands.Add(Disparity(output));
        command.Subcommands.Add(Rdd(output));
        command.Subcommands.Add(BeforeAfter(output));
        command.Subcommands.Add(List(output));
        command.Subcommands.Add(Show(output));
        return command;
    }

    private static Option<string> Format()
    {
        var format = new Option<string>("--format") { Description = "table (a summary), csv (the table under its header) or json (the whole record).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        return format;
    }

    private static Option<DateOnly?> From() => new("--from") { Description = "The first anchor date (yyyy-MM-dd) to study, e.g. the first exit." };

    private static Option<DateOnly?> To() => new("--to") { Description = "The last anchor date (yyyy-MM-dd) to study: leave out rows whose outcome cannot be known yet." };

    private static Command DoseResponse(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var metric = new Option<string>("--metric") { Description = "The metric whose population and outcome to study, e.g. fp-reinvolvement-12m.", Required = true };
        var dose = new Option<string>("--dose") { Description = "The population's field that measures the dose, e.g. months_of_service.", Required = true };
        var bands = new Option<string>("--bands") { Description = "Bands of the dose: ranges \"0-3,3+\" (0-3 is 0 up to 3), or codes \"COMPLETED,DROPPED_OUT|NO_SHOW\".", Required = true };
        var adjust = new Option<string?>("--adjust") { Description = "Characteristics of the metric to adjust for, comma-separated (default: all it records)." };
        var seed = new Option<int>("--seed") { Description = "The bootstrap's seed (the same seed gives the same intervals).", DefaultValueFactory = _ => Evaluations.DefaultSeed };
        var replicates = new Option<int>("--replicates") { Description = "Bootstrap replicates (at least 50).", DefaultValueFactory = _ => Evaluations.DefaultReplicates };
        var (from, to) = (From(), To());
        var format = Format();
        var run = new Command("dose-response", "Outcome rates by dose band with 95% intervals, raw and adjusted (doubly robust: propensity weighting and regression), with covariate balance.")
            { metric, dose, bands, adjust, from, to, seed, replicates, format, workspace };
        run.SetAction(parsed =>
        {
            if (parsed.GetValue(replicates) < 50)
            {
                throw new UsageException("--replicates: give 50 or more.");
            }

            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var traits = parsed.GetValue(adjust)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var record = Evaluations.DoseResponse(Caller.Operator(opened), parsed.GetValue(metric)!, parsed.GetValue(dose)!, parsed.GetValue(bands)!, traits,
                new Anchors(parsed.GetValue(from), parsed.GetValue(to)), parsed.GetValue(seed), parsed.GetValue(replicates));
            Write(output, record, parsed.GetValue(format)!);
            return ExitCodes.Ok;
        });
        return run;
    }

    private static Command Compare(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var metric = new Option<string>("--metric") { Description = "The metric whose population and outcome to study, e.g. hmis-household-exit-to-permanent-housing.", Required = true };
        var participation = new Option<string>("--participation") { Description = "The service taken part in: a characteristic of the metric that is an event in the linked data, e.g. job_training.", Required = true };
        var adjust = new Option<string?>("--adjust") { Description = "Characteristics to make the groups alike on, comma-separated (default: all the metric records)." };
        var seed = new Option<int>("--seed") { Description = "The bootstrap's seed (the same seed gives the same intervals).", DefaultValueFactory = _ => Evaluations.DefaultSeed };
        var replicates = new Option<int>("--replicates") { Description = "Bootstrap replicates (at least 50).", DefaultValueFactory = _ => Evaluations.DefaultReplicates };
        var (from, to) = (From(), To());
        var format = Format();
        var run = new Command("compare", "Participants in a service against similar non-participants found in the linked data (weighted and doubly robust), with balance and caveats.")
            { metric, participation, adjust, from, to, seed, replicates, format, workspace };
        run.SetAction(parsed =>
        {
            if (parsed.GetValue(replicates) < 50)
            {
                throw new UsageException("--replicates: give 50 or more.");
            }

            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var traits = parsed.GetValue(adjust)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var record = Evaluations.Compare(Caller.Operator(opened), parsed.GetValue(metric)!, parsed.GetValue(participation)!, traits,
                new Anchors(parsed.GetValue(from), parsed.GetValue(to)), parsed.GetValue(seed), parsed.GetValue(replicates));
            Write(output, record, parsed.GetValue(format)!);
            return ExitCodes.Ok;
        });
        return run;
    }

    private static Command Disparity(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var metric = new Option<string>("--metric") { Description = "The metric, e.g. hmis-exit-to-permanent-housing.", Required = true };
        var by = new Option<string>("--by") { Description = "The characteristic to compare groups of, e.g. race.", Required = true };
        var reference = new Option<string>("--reference") { Description = "The group to compare each with, e.g. White; 'others' compares each group with everyone outside it.", Required = true };
        var (from, to) = (From(), To());
        var format = Format();
        var run = new Command("disparity", "A metric's rate by group (race, ethnicity, sex …) and each group's ratio to a reference group, with 95% intervals; small cells hidden.")
            { metric, by, reference, from, to, format, workspace };
        run.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var record = Evaluations.Disparity(Caller.Operator(opened), parsed.GetValue(metric)!, parsed.GetValue(by)!, parsed.GetValue(reference)!, new Anchors(parsed.GetValue(from), parsed.GetValue(to)));
            Write(output, record, parsed.GetValue(format)!);
            return ExitCodes.Ok;
        });
        return run;
    }

    private static Command Rdd(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var outcome = new Option<string>("--outcome") { Description = "The metric whose outcome to study, e.g. cw-rereport-after-assessment-12m.", Required = true };
        var score = new Option<string>("--score") { Description = "The population's numeric field the cut-off applies to, e.g. risk_score.", Required = true };
        var cutoff = new Option<double>("--cutoff") { Description = "The cut-off: persons at or above it get the service.", Required = true };
        var bandwidth = new Option<double?>("--bandwidth") { Description = "The bandwidth (default: chosen from the data, Imbens–Kalyanaraman)." };
        var (from, to) = (From(), To());
        var format = Format();
        var run = new Command("rdd", "Regression discontinuity: the jump in an outcome where a score crosses its cut-off (local linear, triangular kernel), with a density check.")
            { outcome, score, cutoff, bandwidth, from, to, format, workspace };
        run.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var record = Evaluations.Rdd(Caller.Operator(opened), parsed.GetValue(outcome)!, parsed.GetValue(score)!, parsed.GetValue(cutoff), parsed.GetValue(bandwidth), new Anchors(parsed.GetValue(from), parsed.GetValue(to)));
            Write(output, record, parsed.GetValue(format)!);
            return ExitCodes.Ok;
        });
        return run;
    }

    private static Command BeforeAfter(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var metric = new Option<string>("--metric") { Description = "The metric whose anchor starts the service and whose outcome is followed, e.g. twogen-parent-employment-after-subsidy.", Required = true };
        var quarters = new Option<int>("--quarters") { Description = "Quarters either side of the start to picture.", DefaultValueFactory = _ => 8 };
        var (from, to) = (From(), To());
        var format = Format();
        var run = new Command("before-after", "An outcome quarter by quarter before and after each person's service started (e.g. a parent's employment around a child-care subsidy), with the difference and its 95% interval.")
            { metric, quarters, from, to, format, workspace };
        run.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var record = Evaluations.BeforeAfter(Caller.Operator(opened), parsed.GetValue(metric)!, parsed.GetValue(quarters), new Anchors(parsed.GetValue(from), parsed.GetValue(to)));
            Write(output, record, parsed.GetValue(format)!);
            return ExitCodes.Ok;
        });
        return run;
    }

    private static Command List(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var list = new Command("list", "The evaluations run in this workspace, newest first.") { workspace };
        list.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            foreach (var r in Evaluations.List(Caller.Operator(opened)))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Id,5}  {r.RunUtc:yyyy-MM-dd HH:mm}  {r.Kind,-13}  {r.Title}  ({r.Persons:N0} persons, by {r.RunBy})"));
            }

            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command Show(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var id = new Argument<long>("ID") { Description = "The evaluation's number (tessera evaluate list)." };
        var format = Format();
        var show = new Command("show", "An evaluation kept earlier, with its record.") { id, format, workspace };
        show.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            Write(output, Evaluations.Find(Caller.Operator(opened), parsed.GetValue(id)), parsed.GetValue(format)!);
            return ExitCodes.Ok;
        });
        return show;
    }

    private static void Write(TextWriter output, EvaluationRecord record, string format)
    {
        if (format == "json")
        {
            output.WriteLine(Evaluations.ToJson(record));
            return;
        }

        if (format == "csv")
        {
            var csv = new CsvWriter(output);
            csv.Row(EvaluationTable.Header(record));
            foreach (var row in EvaluationTable.Rows(record))
            {
                csv.Row(row);
            }

            return;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Evaluation {record.Id}: {record.Title}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{record.Persons:N0} persons (each once, from {record.Rows:N0} rows), data to {record.AsOf:yyyy-MM-dd}, linkage run {record.LinkRun?.ToString(CultureInfo.InvariantCulture) ?? "none"}."));
        var header = EvaluationTable.Header(record);
        foreach (var row in EvaluationTable.Rows(record))
        {
            output.WriteLine("  " + string.Join("  ", header.Select((h, i) => $"{h} {(row[i] is { } v ? CsvWriter.Cell(v) : "—")}")));
        }

        if (record.DoseResponse is { } dose)
        {
            foreach (var c in dose.Contrasts)
            {
                var adjusted = c.AdjustedRatio is { } a ? string.Create(CultureInfo.InvariantCulture, $"; adjusted ratio {a.Estimate:0.###} ({a.Low:0.###} to {a.High:0.###})") : "";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {c.Band} against {c.Against}: difference {c.Difference.Estimate:0.###} ({c.Difference.Low:0.###} to {c.Difference.High:0.###}), ratio {c.Ratio.Estimate:0.###} ({c.Ratio.Low:0.###} to {c.Ratio.High:0.###}){adjusted}"));
            }

            var worst = dose.Balance.OrderByDescending(b => Math.Abs(b.After)).FirstOrDefault();
            if (worst is not null)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Balance: largest standardised difference after weighting {worst.After:0.###} ({worst.Trait} {worst.Category}); before {dose.Balance.Max(b => Math.Abs(b.Before)):0.###} at most."));
            }
        }

        if (record.BeforeAfter is { } around)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  Before: {around.Before.Estimate:P1} of {around.QuartersBefore:N0} person-quarters; after: {around.After.Estimate:P1} of {around.QuartersAfter:N0}; difference {around.Difference.Estimate:0.###} ({around.Difference.Low:0.###} to {around.Difference.High:0.###})."));
        }

        if (record.Rdd is { } rdd)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  At the cut-off {rdd.Cutoff}: {rdd.LeftIntercept:P1} just below, {rdd.RightIntercept:P1} at or above; density check p = {rdd.DensityP:0.###}{(rdd.DensityP < 0.05 ? " — persons crowd one side: the score may have been placed" : "")}."));
        }

        if (record.SmallCells.Count > 0)
        {
            output.WriteLine($"  Fewer than 11 persons or outcomes in: {string.Join(", ", record.SmallCells)} — hide these figures before sharing the result beyond the licence.");
        }

        foreach (var caveat in record.Caveats)
        {
            output.WriteLine("  Note: " + caveat);
        }
    }
}
