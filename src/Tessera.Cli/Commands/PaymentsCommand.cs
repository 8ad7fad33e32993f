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
}
