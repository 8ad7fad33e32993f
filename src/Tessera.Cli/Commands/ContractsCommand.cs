using System.CommandLine;
using System.Globalization;
using Tessera.Core.Text;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera contracts</c>: contracts with their outcome metrics, targets and benchmarks — imported
/// from YAML a team keeps under version control, listed, shown with their history, and measured.
/// </summary>
public static class ContractsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var command = new Command("contracts", "Contracts: outcome metrics, targets and benchmarks; their performance period by period.");
        command.Subcommands.Add(Import(output));
        command.Subcommands.Add(List(output));
        command.Subcommands.Add(Show(output));
        command.Subcommands.Add(Performance(output));
        return command;
    }

    private static Command Import(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var files = new Argument<string[]>("FILE") { Description = "YAML files with a contracts: list. See docs/contracts.md.", Arity = ArgumentArity.OneOrMore };
        var reason = new Option<string>("--reason") { Description = "Why the contracts change (e.g. \"targets agreed at the March meeting\"), kept with each changed contract's history.", DefaultValueFactory = _ => "imported" };
        var import = new Command("import", "Add or update contracts from YAML files: all of them, or none when anything is wrong (exit 2, naming file, line and field).") { files, reason, workspace };
        import.SetAction(parsed =>
        {
            var read = parsed.GetValue(files)!.Select(ProvidersCommand.Read).ToList();
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var result = ContractRegistry.Import(Caller.Operator(opened), read, parsed.GetValue(reason)!);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Imported {read.Sum(f => f.Contracts.Count)} contracts: {result.Added.Count} new, {result.Changed.Count} changed, {result.Unchanged.Count} unchanged."));
            return ExitCodes.Ok;
        });
        return import;
    }

    private static Command List(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var format = Format("table or csv (contract,agency,provider,program,start,end,value,stage,metrics,version).");
        var list = new Command("list", "List the contracts: agency, provider, program, period, value, stage and metrics.") { format, workspace };
        list.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var contracts = ContractRegistry.List(Caller.Operator(opened));
            if (parsed.GetValue(format) == "csv")
            {
                var csv = new CsvWriter(output);
                csv.Row("contract", "agency", "provider", "program", "start", "end", "value", "stage", "metrics", "version");
                foreach (var c in contracts.Select(r => (r.Contract, r.Version)))
                {
                    csv.Row(c.Contract.Id.Value, c.Contract.Agency, c.Contract.Provider.Value, c.Contract.Program, c.Contract.Start, c.Contract.End, c.Contract.Value?.ToString(),
                        c.Contract.Stage.ToString().ToLowerInvariant(), string.Join(";", c.Contract.Metrics.Select(m => m.Metric)), c.Version);
                }

                return ExitCodes.Ok;
            }

            foreach (var c in contracts.Select(r => r.Contract))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{c.Id.Value,-14} {c.Agency,-14} {c.Provider.Value,-8} {c.Program,-20} {c.Start:yyyy-MM-dd} to {c.End:yyyy-MM-dd}  {c.Value?.ToString() ?? "",12}  {string.Join(", ", c.Metrics.Select(m => m.Metric))}"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{contracts.Count} contracts."));
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command Show(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var id = new Argument<string>("ID") { Description = "The contract's id." };
        var show = new Command("show", "Show one contract: its terms, each metric's targets (who proposed them, when agreed, why) and its versions.") { id, workspace };
        show.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var (registered, history) = ContractRegistry.Show(Caller.Operator(opened), parsed.GetValue(id)!);
            var c = registered.Contract;
            output.WriteLine($"Contract {c.Id}: {c.Agency} with provider {c.Provider} for {c.Program}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {c.Start:yyyy-MM-dd} to {c.End:yyyy-MM-dd}; stage {c.Stage.ToString().ToLowerInvariant()}{(c.Value is { } v ? $"; value ${v}" : "")}{(c.FundingSource is { } fund ? $"; funded by {fund}" : "")}"));
            if (c.Population is { } population)
            {
                output.WriteLine($"  serves: {population}");
            }

            foreach (var m in c.Metrics)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {m.Metric} ({m.Type.ToString().ToLowerInvariant()} measure; watch band {m.Watch}){(m.BestPractice is { } b ? $"; best practice {b.Value} ({b.Citation})" : "")}"));
                foreach (var t in m.Targets)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"    target {t.Value} from {t.From:yyyy-MM-dd}{(t.ProposedBy is { } by ? $", proposed by {by}" : "")}{(t.AgreedOn is { } on ? $", agreed {on:yyyy-MM-dd}" : "")}{(t.Reason is { } why ? $": {why}" : "")}"));
                }
            }

            output.WriteLine("  versions:");
            foreach (var version in history)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {version.Version}  {version.ChangedUtc:yyyy-MM-dd HH:mm} by {version.ChangedBy}: {version.Reason}"));
            }

            return ExitCodes.Ok;
        });
        return show;
    }

    private static Command Performance(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var id = new Argument<string>("ID") { Description = "The contract's id." };
        var from = new Option<string?>("--from") { Description = "Only periods starting on or after this date, YYYY-MM-DD." };
        var to = new Option<string?>("--to") { Description = "Only periods starting on or before this date, YYYY-MM-DD." };
        var format = Format($"table or csv ({string.Join(",", PerformanceRow.Header)}).");
        var performance = new Command("performance", "Each metric of a contract period by period: the provider's figure, target and band (on_track, watch, off_track, no_data), and the historical, peer and best-practice benchmarks.")
        {
            id, from, to, format, workspace,
        };
        performance.SetAction(parsed =>
        {
            var start = MetricsCommand.Date(parsed.GetValue(from), "--from");
            var end = MetricsCommand.Date(parsed.GetValue(to), "--to");
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var rows = ContractRegistry.Performance(Caller.Operator(opened), parsed.GetValue(id)!, start, end);
            if (parsed.GetValue(format) == "csv")
            {
                var csv = new CsvWriter(output);
                csv.Row(PerformanceRow.Header);
                foreach (var row in rows)
                {
                    csv.Row(row.Cells);
                }

                return ExitCodes.Ok;
            }

            output.WriteLine($"{"metric",-28} {"period",-23} {"value",8} {"target",8} {"band",-10} {"historical",10} {"peer median",12} {"best",8}");
            foreach (var r in rows)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Metric,-28} {r.PeriodStart:yyyy-MM-dd} to {r.PeriodEnd:yyyy-MM-dd} {Shown(r.Value),8} {r.Target,8} {r.Band,-10} {Shown(r.Historical),10} {Shown(r.PeerMedian),12} {r.BestPractice,8}"));
            }

            return ExitCodes.Ok;
        });
        return performance;
    }

    private static string Shown(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "—";

    private static Option<string> Format(string description)
    {
        var format = new Option<string>("--format") { Description = description, DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        return format;
    }
}
