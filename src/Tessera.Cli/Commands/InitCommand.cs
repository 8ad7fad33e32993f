using System.CommandLine;
using Tessera.Storage.Workspaces;

namespace Tessera.Cli.Commands;

/// <summary><c>tessera init DIR</c>: creates a workspace and its master key, and registers the county's sources.</summary>
public static class InitCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var folder = new Argument<string>("DIR") { Description = "Folder for the new workspace (created if missing)." };
        var database = new Option<string?>("--database")
        {
            Description = "PostgreSQL connection string for a server workspace, e.g. \"Host=db;Database=tessera;Username=tessera\". Default: embedded (SQLite + DuckDB files in DIR).",
        };
        var earliest = new Option<string?>("--earliest-period")
        {
            Description = "The earliest month a delivery may cover, YYYY-MM (default 2000-01); the latest is always next month.",
        };
        var command = new Command("init", "Create a workspace: operational and person-level stores, a master key file beside the folder, and the synthetic county's sources.")
        {
            folder, database, earliest,
        };
        command.SetAction(parsed =>
        {
            var path = parsed.GetValue(folder)!;
            using var workspace = Workspace.Create(path, parsed.GetValue(database), WorkspaceOption.CurrentOperator, WorkspaceOption.Clock.GetUtcNow().UtcDateTime, parsed.GetValue(earliest), WorkspaceOption.Clock);
            output.WriteLine($"Created workspace {workspace.Folder} ({(workspace.IsEmbedded ? "embedded: SQLite + DuckDB" : "PostgreSQL")}).");
            output.WriteLine($"Master key: {workspace.Config.MasterKeyFile}");
            output.WriteLine("  Keep a backup of this file somewhere safe and separate: without it the identifiers in the workspace cannot be read.");
            output.WriteLine($"Sources: {string.Join(", ", workspace.Sources.List().Select(s => s.Name))}");
            output.WriteLine($"Next: tessera ingest --workspace {path} --source benefits <month folder>");
            return ExitCodes.Ok;
        });
        return command;
    }
}
