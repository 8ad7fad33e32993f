using System.CommandLine;
using Tessera.Storage.Workspaces;

namespace Tessera.Cli.Commands;

/// <summary>The <c>--workspace</c> option every workspace command takes, and opening the workspace it names.</summary>
public static class WorkspaceOption
{
    /// <summary>Creates the option.</summary>
    public static Option<string?> Create() => new("--workspace")
    {
        Description = "Workspace folder. Default: the nearest folder at or above the current one that holds a workspace.",
    };

    /// <summary>Opens the workspace named by <paramref name="option"/>, turning a missing one into a usage error.</summary>
    public static Workspace Open(ParseResult parsed, Option<string?> option)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        try
        {
            var error = parsed.InvocationConfiguration.Error;
            return Workspace.Open(Workspace.Locate(parsed.GetValue(option), Environment.CurrentDirectory),
                () => error.WriteLine("Waiting for the workspace: another process (an ingest, or the web app) is writing to it…"));
        }
        catch (WorkspaceException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    /// <summary>Who runs CLI commands: the local account, recorded as the workspace operator at init.</summary>
    public static string CurrentOperator => Environment.UserName + "@" + Environment.MachineName;
}
