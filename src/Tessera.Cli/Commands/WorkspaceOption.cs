using System.CommandLine;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Access;
using Tessera.Storage.Workspaces;

namespace Tessera.Cli.Commands;

/// <summary>The <c>--workspace</c> option every workspace command takes, and opening the workspace it names.</summary>
public static class WorkspaceOption
{
    /// <summary>
    /// The command line's clock: the one place it reads the system clock. Every workspace a command
    /// opens or creates is stamped with it (<see cref="Workspace.Clock"/>).
    /// </summary>
    public static TimeProvider Clock { get; } = TimeProvider.System;

    /// <summary>Creates the option.</summary>
    public static Option<string?> Create() => new("--workspace")
    {
        Description = "Workspace folder. Default: the nearest folder at or above the current one that holds a workspace.",
    };

    /// <summary>
    /// Opens the workspace named by <paramref name="option"/> (a missing one is a usage error) and
    /// records the access in its audit log under the workspace operator; when the record cannot be
    /// written the command stops (fails closed).
    /// </summary>
    /// <param name="parsed">The parsed command line.</param>
    /// <param name="option">The command's <c>--workspace</c> option.</param>
    /// <param name="capability">What the command does, asked of the same access policy as the web app's pages.</param>
    /// <param name="action">The kind of access, e.g. <see cref="AuditAction.Read"/>.</param>
    /// <param name="target">What is accessed, without identifiers, e.g. "deliveries of benefits".</param>
    public static Workspace Open(ParseResult parsed, Option<string?> option, Capability capability, AuditAction action, string target)
    {
        var workspace = OpenQuietly(parsed, option);

        try
        {
            // The CLI runs as the workspace operator, an IDS administrator.
            Caller.Operator(workspace).Permit(capability, action, target);
            return workspace;
        }
        catch (AccessDeniedException)
        {
            workspace.Dispose();
            throw new UsageException($"The workspace operator may not do this ({capability}).");
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the workspace named by <paramref name="option"/> without recording anything: for
    /// commands whose use case permits and records the access itself (<see cref="Caller"/>).
    /// </summary>
    public static Workspace OpenQuietly(ParseResult parsed, Option<string?> option)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var error = parsed.InvocationConfiguration.Error;
        return Workspace.Open(Workspace.Locate(parsed.GetValue(option), Environment.CurrentDirectory),
            () => error.WriteLine("Waiting for the workspace: another process (an ingest, or the web app) is writing to it…"), Clock);
    }

    /// <summary>Who runs CLI commands: the local account, recorded as the workspace operator at init.</summary>
    public static string CurrentOperator => Environment.UserName + "@" + Environment.MachineName;
}
