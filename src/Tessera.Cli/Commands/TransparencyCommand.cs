using System.CommandLine;
using System.Globalization;
using Tessera.Core.Text;
using Tessera.Storage.Access;
using Tessera.Storage.Transparency;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera transparency publish --metric ID --period DAY [--epsilon E]</c>, <c>transparency
/// budget DATA_SET --total E</c> and <c>transparency list</c>: differentially private results for
/// the public transparency page, paid from each data set's privacy budget (docs/transparency.md).
/// </summary>
public static class TransparencyCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var command = new Command("transparency", "Differentially private results for the public transparency page, and each data set's privacy budget.");
        command.Subcommands.Add(Publish(output));
        command.Subcommands.Add(Budget(output));
        command.Subcommands.Add(List(output));
        return command;
    }

    private static Command Publish(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var metric = new Option<string>("--metric") { Description = "The metric, e.g. hmis-exit-to-permanent-housing.", Required = true };
        var period = new Option<string>("--period") { Description = "A year (yyyy: every period starting in it, each person once), a month (yyyy-MM) or a period's first day (yyyy-MM-dd).", Required = true };
        var epsilon = new Option<decimal>("--epsilon") { Description = "The privacy loss this answer spends of its data set's budget.", DefaultValueFactory = _ => PrivateResults.DefaultEpsilon };
        var publish = new Command("publish", "Publish how many people a metric counted in a period, and how many had the outcome, with differential privacy; the same question again returns the stored answer.") { metric, period, epsilon, workspace };
        publish.SetAction(parsed =>
        {
            var text = parsed.GetValue(period)!;
            var (from, to) = text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is > 1900 and < 2200
                ? (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))
                : DateOnly.TryParseExact(text.Length == 7 ? text + "-01" : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                    ? (start, text.Length == 7 ? start.AddMonths(1).AddDays(-1) : start)
                    : throw new UsageException($"--period: expected yyyy, yyyy-MM or yyyy-MM-dd, found '{text}'.");
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var answer = PrivateResults.Publish(Caller.Operator(opened), parsed.GetValue(metric)!, from, to, parsed.GetValue(epsilon));
            var budget = PrivateResults.Budgets(opened).Single(b => b.DataSet == answer.DataSet);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{answer.MetricTitle}, {answer.From:yyyy-MM-dd} to {answer.To:yyyy-MM-dd}: about {answer.People:N0} people, {answer.PeopleWithOutcome:N0} with the outcome, each ± {answer.Margin95} with 95% probability ({(answer.Rate is { } r ? r.ToString("P0", CultureInfo.InvariantCulture) : "—")}); ε = {answer.Epsilon}{(answer.Repeated ? ", the stored answer (nothing spent)" : "")}. {answer.DataSet}: ε = {budget.Remaining} left of {budget.Total}."));
            return ExitCodes.Ok;
        });
        return publish;
    }

    private static Command Budget(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var dataSet = new Argument<string>("DATA_SET") { Description = "The data set (a source), e.g. homelessness." };
        var total = new Option<decimal>("--total") { Description = "Its total privacy budget (ε).", Required = true };
        var budget = new Command("budget", "Set a data set's total privacy budget (never below what it spent).") { dataSet, total, workspace };
        budget.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var set = PrivateResults.SetBudget(Caller.Operator(opened), parsed.GetValue(dataSet)!, parsed.GetValue(total));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{set.DataSet}: ε = {set.Total} in all, {set.Spent} spent, {set.Remaining} left."));
            return ExitCodes.Ok;
        });
        return budget;
    }

    private static Command List(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var format = new Option<string>("--format") { Description = $"table, or csv ({PrivateAnswer.Header}).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var list = new Command("list", "Every published answer and every data set's budget.") { format, workspace };
        list.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var answers = PrivateResults.Answers(opened);
            if (parsed.GetValue(format) == "csv")
            {
                var csv = new CsvWriter(output);
                csv.Row(PrivateAnswer.Header.Split(','));
                foreach (var a in answers)
                {
                    csv.Row(a.DataSet, a.MetricId, a.MetricTitle, a.From, a.To, a.Epsilon, a.People, a.PeopleWithOutcome, a.Rate, a.Margin95, a.AnsweredUtc);
                }

                return ExitCodes.Ok;
            }

            foreach (var a in answers)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{a.DataSet,-14} {a.MetricId,-40} {a.From:yyyy-MM-dd} to {a.To:yyyy-MM-dd}  {a.People,7:N0} people  {a.PeopleWithOutcome,7:N0} with the outcome  ± {a.Margin95}  ε = {a.Epsilon}"));
            }

            foreach (var b in PrivateResults.Budgets(opened))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Budget of {b.DataSet}: ε = {b.Spent} spent of {b.Total}, {b.Remaining} left."));
            }

            return ExitCodes.Ok;
        });
        return list;
    }
}
