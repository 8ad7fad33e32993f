using System.CommandLine;
using System.Globalization;
using Tessera.Core.Text;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Workspaces;

namespace Tessera.Cli.Commands;

/// <summary><c>tessera audit verify</c> and <c>tessera audit list</c>: the tamper check and a readable view of the audit log.</summary>
public static class AuditCommand
{
    /// <summary>Exit code of <c>audit verify</c> when the log was tampered with.</summary>
    public const int Tampered = 3;

    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var command = new Command("audit", "Check and read the workspace's audit log (who accessed what, when, from where, why).");
        command.Subcommands.Add(Verify(output));
        command.Subcommands.Add(List(output));
        return command;
    }

    private static Command Verify(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var copy = new Option<string?>("--checkpoints")
        {
            Description = "An outside copy of audit-checkpoints.log (from a write-once store) to check the log against as well; it catches a tail cut from both the log and the workspace's own checkpoint file.",
        };
        var verify = new Command("verify", "Check that no audit record was edited, deleted, reordered or cut off. Exit 0 when intact, 3 when tampered with (printing 'first bad record: N'), 1 when the check could not run.")
        {
            workspace, copy,
        };
        verify.SetAction(parsed =>
        {
            var outside = parsed.GetValue(copy);
            if (outside is not null && !File.Exists(outside))
            {
                throw new UsageException($"--checkpoints {outside}: no such file.");
            }

            using var opened = OpenWithoutRecording(parsed, workspace);
            var result = outside is null ? opened.Audit.Verify() : opened.Audit.Verify(outside);
            if (result.IsIntact)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Audit log intact: {result.Records:N0} records, {result.Checkpoints:N0} signed checkpoints."));
                return ExitCodes.Ok;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first bad record: {result.FirstBadRecord}"));
            output.WriteLine($"The audit log was tampered with: {result.Problem}.");
            return Tampered;
        });
        return verify;
    }

    private static Command List(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var actor = new Option<string?>("--actor") { Description = "Only records of this user or service account." };
        var action = new Option<string?>("--action") { Description = "Only this kind of access, e.g. read, export, ingest, configure, sign-in." };
        var since = new Option<DateTime?>("--since") { Description = "Only records at or after this UTC date or time, e.g. 2026-12-01." };
        var csv = new Option<bool>("--csv") { Description = "Print CSV (sequence, time_utc, actor, action, target, purpose, origin, outcome) instead of a table." };
        var list = new Command("list", "Print audit records, oldest first, optionally filtered.") { actor, action, since, csv, workspace };
        list.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.Open(parsed, workspace, Capability.ReadAudit, AuditAction.Read, "audit log");
            var records = opened.Audit.Records()
                .Where(r => parsed.GetValue(actor) is not { } who || string.Equals(r.Event.Actor, who, StringComparison.OrdinalIgnoreCase))
                .Where(r => parsed.GetValue(action) is not { } what || string.Equals(r.Event.Action.Text(), what, StringComparison.OrdinalIgnoreCase))
                .Where(r => parsed.GetValue(since) is not { } from || r.TimeUtc >= DateTime.SpecifyKind(from, DateTimeKind.Utc));
            if (parsed.GetValue(csv))
            {
                var csv = new CsvWriter(output);
                csv.Row("sequence", "time_utc", "actor", "action", "target", "purpose", "origin", "outcome");
                foreach (var r in records)
                {
                    csv.Row(r.Sequence, r.TimeText, r.Event.Actor, r.Event.Action.Text(), r.Event.Target, r.Event.Purpose, r.Event.Origin, r.Event.Outcome.ToString().ToLowerInvariant());
                }

                return ExitCodes.Ok;
            }

            foreach (var r in records)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Sequence,6}  {r.TimeUtc:yyyy-MM-dd HH:mm:ss}  {r.Event.Actor,-24} {r.Event.Action.Text(),-10} {r.Event.Outcome.ToString().ToLowerInvariant(),-8} {r.Event.Target} ({r.Event.Purpose}, from {r.Event.Origin})"));
            }

            return ExitCodes.Ok;
        });
        return list;
    }

    // Verifying reads only the audit log itself; recording the check would extend a chain that may be broken.
    private static Workspace OpenWithoutRecording(ParseResult parsed, Option<string?> option)
    {
        return Workspace.Open(Workspace.Locate(parsed.GetValue(option), Environment.CurrentDirectory));
    }
}
