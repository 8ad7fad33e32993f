using System.CommandLine;
using System.Globalization;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera sessions</c>: who is signed in to the web app, and ending sessions — after changing a
/// user's role at the organisation's sign-in provider, or when a device is lost. An ended session's
/// cookie opens nothing from the next request on, wherever it was copied to.
/// </summary>
public static class SessionsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var command = new Command("sessions", "Web sessions: list who is signed in, and end sessions at once (after a role change, or a lost device).");
        command.Subcommands.Add(List(output));
        command.Subcommands.Add(End(output));
        return command;
    }

    private static Command List(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var list = new Command("list", "List the web sessions that have not ended: user, role, how they signed in, since when (UTC).") { workspace };
        list.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.Open(parsed, workspace, Capability.Configure, AuditAction.Read, "web sessions");
            var active = opened.Sessions.Active();
            foreach (var session in active)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{session.Actor,-32} {session.Role,-16} {session.Kind,-5} since {session.StartedUtc:yyyy-MM-dd HH:mm}"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{active.Count} active session(s)."));
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command End(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var user = new Option<string?>("--user") { Description = "End every session of this user (e.g. after their role changed)." };
        var all = new Option<bool>("--all") { Description = "End every session of every user." };
        var end = new Command("end", "End web sessions at once: those of one user (--user NAME) or all of them (--all).") { user, all, workspace };
        end.SetAction(parsed =>
        {
            var who = parsed.GetValue(user);
            if ((who is null) == !parsed.GetValue(all))
            {
                throw new UsageException("Say whose sessions to end: --user NAME, or --all.");
            }

            using var opened = WorkspaceOption.Open(parsed, workspace, Capability.Configure, AuditAction.Configure, who is null ? "end every web session" : $"end the web sessions of {who}");
            var ended = opened.Sessions.EndAll(who, who is null ? "ended by an administrator (all sessions)" : "ended by an administrator", opened.UtcNow);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ended {ended} session(s); they must sign in again."));
            return ExitCodes.Ok;
        });
        return end;
    }
}
