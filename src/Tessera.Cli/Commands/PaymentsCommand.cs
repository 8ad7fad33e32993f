using System.CommandLine;
using System.Globalization;
using Tessera.Core.Text;
using Tessera.Storage.Access;
using Tessera.Storage.Payments;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera payments</c>: payment runs on a contract's terms, statements line by line for the
/// finance system, and approval by a second person (docs/payments.md).
/// </summary>
public static class PaymentsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var command = new Command("payments", "Payments on results: runs, statements and their approval by a second person.");
        command.Subcommands.Add(Run(output));
        command.Subcommands.Add(List(output));
        command.Subcommands.Add(Statement(output));
        command.Subcommands.Add(Approve(output));
        command.Subcommands.Add(Simulate(output));
        command.Subcommands.Add(Evidence(output));
        return command;
    }

    private static Command Run(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var contract = new Option<string>("--contract") { Description = "The contract, e.g. WF01-2024.", Required = true };
        var period = new Option<string>("--period") { Description = "The payment period: YYYY, YYYY-Qn or YYYY-MM, e.g. 2024-Q1.", Required = true };
        var run = new Command("run", "Prepare a contract's statement for a payment period from the latest metric runs (prints the statement's id alone on the last line).") { contract, period, workspace };
        run.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var statement = PaymentRuns.Run(Caller.Operator(opened), parsed.GetValue(contract)!, parsed.GetValue(period)!);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Statement {statement.Id} of contract {statement.Contract} for {statement.Period.Label}: {statement.Lines.Count} lines, total {statement.Total}; {statement.Status}, to be approved by someone other than {statement.PreparedBy}."));
            output.WriteLine(statement.Id.ToString(CultureInfo.InvariantCulture));
            return ExitCodes.Ok;
        });
        return run;
    }

    private static Command List(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var contract = new Option<string>("--contract") { Description = "Only this contract's statements." };
        var list = new Command("list", "List payment statements, newest first: contract, period, total, status and who prepared and approved them.") { contract, workspace };
        list.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            foreach (var s in PaymentRuns.List(Caller.Operator(opened), parsed.GetValue(contract)))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{s.Id,6}  {s.Contract,-16} {s.Period.Label,-8} {s.Total,14}  {s.Status,-9} prepared by {s.PreparedBy}{(s.ApprovedBy is { } by ? $", approved by {by}" : "")}"));
            }

            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command Statement(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var id = new Argument<long>("ID") { Description = "The statement's number (payments list shows them)." };
        var format = new Option<string>("--format") { Description = "table or csv (statement,contract,line,kind,metric,period_start,period_end,count,rate,amount,metric_run; the last line kind=total).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var statement = new Command("statement", "A statement line by line, each traced to its metric run.") { id, format, workspace };
        statement.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var s = PaymentRuns.Show(Caller.Operator(opened), parsed.GetValue(id));
            if (parsed.GetValue(format) == "csv")
            {
                var csv = new CsvWriter(output);
                csv.Row(PaymentStatement.Header);
                foreach (var row in s.Rows())
                {
                    csv.Row(row);
                }

                return ExitCodes.Ok;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Statement {s.Id}: contract {s.Contract} (version {s.ContractVersion}), {s.Period.Label} ({s.Period.Start:yyyy-MM-dd} to {s.Period.End:yyyy-MM-dd}), {s.Status}"));
            foreach (var (line, i) in s.Lines.Select((l, i) => (l, i + 1)))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i,3}  {line.KindCode,-10} {line.Metric ?? "",-30} {line.Amount,14}  {line.Note}"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"     total{"",32}{s.Total,14}"));
            foreach (var run in s.Runs)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"     {run.Metric}: metric run #{run.Run} (definition version {run.Version}), {run.Deliveries.Count} deliveries"));
            }

            return ExitCodes.Ok;
        });
        return statement;
    }

    private static Command Approve(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var id = new Argument<long>("ID") { Description = "The statement to approve; whoever prepared it cannot." };
        var approve = new Command("approve", "Approve a statement someone else prepared, which locks it (two-person rule).") { id, workspace };
        approve.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var s = PaymentRuns.Approve(Caller.Operator(opened), parsed.GetValue(id));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Statement {s.Id} approved by {s.ApprovedBy}: total {s.Total}; it is locked."));
            return ExitCodes.Ok;
        });
        return approve;
    }

    private static Command Simulate(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var program = new Option<string>("--program") { Description = "The program whose providers the card is tried on, e.g. job-training.", Required = true };
        var card = new Option<string>("--rate-card") { Description = "A YAML file with metrics:, payments: and an optional budget: (docs/payments.md).", Required = true };
        var from = new Option<string>("--from") { Description = "First day, YYYY-MM-DD.", Required = true };
        var to = new Option<string>("--to") { Description = "Last day, YYYY-MM-DD.", Required = true };
        var format = new Option<string>("--format") { Description = "table (each provider's total, the total against the budget, the spread) or csv (provider,period,period_start,period_end,base,withhold,earn_back,outcome,bonus,cap,floor,outcomes,total).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var simulate = new Command("simulate", "What a draft rate card would have paid each provider of a program over past periods, from their published results.") { program, card, from, to, format, workspace };
        simulate.SetAction(parsed =>
        {
            var path = parsed.GetValue(card)!;
            if (!File.Exists(path))
            {
                throw new UsageException($"{path} does not exist.");
            }

            var rateCard = Contracts.Files.RateCardFile.Read(Path.GetFileName(path), File.ReadAllText(path));
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var payments = PaymentSimulation.Run(Caller.Operator(opened), parsed.GetValue(program)!, rateCard, Day(parsed.GetValue(from)!, "--from"), Day(parsed.GetValue(to)!, "--to"));
            if (parsed.GetValue(format) == "csv")
            {
                var csv = new CsvWriter(output);
                csv.Row(SimulatedPayment.Header);
                foreach (var payment in payments)
                {
                    csv.Row(payment.Cells);
                }

                return ExitCodes.Ok;
            }

            var byProvider = payments.GroupBy(p => p.Provider).Select(g => (Provider: g.Key, Total: g.Aggregate(Core.Contracting.Money.Zero, (sum, p) => sum + p.Total))).ToList();
            foreach (var (provider, total) in byProvider)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider,-12} {total,14}"));
            }

            var all = byProvider.Aggregate(Core.Contracting.Money.Zero, (sum, p) => sum + p.Total);
            var sorted = byProvider.Select(p => p.Total.Amount).Order().ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"total",-12} {all,14}{(rateCard.Budget is { } budget ? $"  of a budget of {budget} ({(all <= budget ? "within it" : $"{all - budget} over")})" : "")}"));
            if (sorted.Count > 0)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"spread across {sorted.Count} providers: lowest {sorted[0]:0.00}, median {Contracts.Benchmarks.PeerBenchmark.Of(sorted.Select(a => (double)a))!.Median:0.00}, highest {sorted[^1]:0.00}"));
            }

            return ExitCodes.Ok;
        });
        return simulate;
    }

    private static Command Evidence(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var id = new Argument<long>("ID") { Description = "The statement." };
        var evidence = new Command("evidence", "The pseudonymous persons behind each paid outcome of a statement, as CSV (statement,line,metric,period_start,person_id); person-level and audited.") { id, workspace };
        evidence.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var csv = new CsvWriter(output);
            csv.Row(OutcomeEvidence.Header);
            foreach (var row in PaymentRuns.Persons(Caller.Operator(opened), parsed.GetValue(id)))
            {
                csv.Row(row.Cells);
            }

            return ExitCodes.Ok;
        });
        return evidence;
    }

    private static DateOnly Day(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : throw new UsageException($"{option} '{text}' is not a date written YYYY-MM-DD.");
}
