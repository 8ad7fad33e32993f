using System.CommandLine;
using System.Globalization;
using Tessera.Core.Text;
using Tessera.Governance.Agreements;
using Tessera.Storage.Access;
using Tessera.Storage.Agreements;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera agreements import FILE</c>, <c>list</c>, <c>approve ID --as PARTY</c>, <c>revoke ID</c>
/// and <c>consult ID</c>: the eMOU, the data sharing agreements and the data use licences every
/// person-level use of the data resolves through (docs/agreements.md).
/// </summary>
public static class AgreementsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var command = new Command("agreements", "The eMOU, data sharing agreements and data use licences, their approvals and where each stands.");
        command.Subcommands.Add(Import(output));
        command.Subcommands.Add(List(output));
        command.Subcommands.Add(Approve(output));
        command.Subcommands.Add(Mark(output, "revoke", "Revoke an agreement from today: for a data sharing agreement, every licence using its sources stops at once.", AgreementRegistry.Revoke));
        command.Subcommands.Add(Mark(output, "consult", "Record that the community advisory team was consulted on a licence (where the eMOU asks for it).", AgreementRegistry.RecordConsultation));
        return command;
    }

    private static Command Import(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var file = new Argument<string>("FILE") { Description = "A YAML file with emou:, dsas: and duls: (docs/agreements.md)." };
        var import = new Command("import", "Record agreements from a YAML file: all of them, or none when anything is wrong (exit 2, naming line and key). A changed agreement is a new version, approved afresh.") { file, workspace };
        import.SetAction(parsed =>
        {
            var path = parsed.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new UsageException($"{path} does not exist.");
            }

            var read = AgreementsFile.Read(Path.GetFileName(path), File.ReadAllText(path));
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var result = AgreementRegistry.Import(Caller.Operator(opened), read);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Imported {result.Added.Count + result.Changed.Count + result.Unchanged.Count} agreements from {Path.GetFileName(path)}: {result.Added.Count} new, {result.Changed.Count} changed (to be approved again), {result.Unchanged.Count} unchanged."));
            return ExitCodes.Ok;
        });
        return import;
    }

    private static Command List(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var format = new Option<string>("--format") { Description = $"table, or csv ({string.Join(",", AgreementStanding.Header)}).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var list = new Command("list", "Every agreement with where it stands today and whose approval it still needs.") { format, workspace };
        list.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var standings = AgreementRegistry.List(Caller.Operator(opened));
            if (parsed.GetValue(format) == "csv")
            {
                var csv = new CsvWriter(output);
                csv.Row(AgreementStanding.Header);
                foreach (var s in standings)
                {
                    csv.Row(s.Cells);
                }

                return ExitCodes.Ok;
            }

            foreach (var s in standings)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{s.Id,-16} {s.Kind,-5} v{s.Version}  {s.Status.ToString().ToLowerInvariant(),-9} {s.Start:yyyy-MM-dd} to {s.End:yyyy-MM-dd}  {s.Summary}{(s.Missing.Count > 0 ? $"; awaiting {string.Join(", ", s.Missing)}" : "")}"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{standings.Count} agreements, {standings.Count(s => s.Status == AgreementStatus.Active)} active."));
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command Approve(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var id = new Argument<string>("ID") { Description = "The agreement, e.g. dul-eval-1." };
        var party = new Option<string>("--as") { Description = "Who approves: a data partner's source name, or the eMOU's review_body.", Required = true };
        var approve = new Command("approve", "Record a party's approval of an agreement's current version.") { id, party, workspace };
        approve.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var s = AgreementRegistry.Approve(Caller.Operator(opened), parsed.GetValue(id)!, parsed.GetValue(party)!);
            output.WriteLine($"{s.Id}: approved by {parsed.GetValue(party)}; now {s.Status.ToString().ToLowerInvariant()}{(s.Missing.Count > 0 ? $", awaiting {string.Join(", ", s.Missing)}" : "")}.");
            return ExitCodes.Ok;
        });
        return approve;
    }

    private static Command Mark(TextWriter output, string name, string description, Func<Caller, string, AgreementStanding> mark)
    {
        var workspace = WorkspaceOption.Create();
        var id = new Argument<string>("ID") { Description = "The agreement, e.g. dsa-wf." };
        var command = new Command(name, description) { id, workspace };
        command.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var s = mark(Caller.Operator(opened), parsed.GetValue(id)!);
            output.WriteLine($"{s.Id}: now {s.Status.ToString().ToLowerInvariant()}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
