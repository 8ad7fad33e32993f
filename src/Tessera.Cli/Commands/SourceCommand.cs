using System.CommandLine;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Intake.Dictionaries;
using Tessera.Storage.Workspaces;

namespace Tessera.Cli.Commands;

/// <summary><c>tessera source add|list</c>: registers sources with their data dictionaries.</summary>
public static class SourceCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var command = new Command("source", "Register and list the sources (data partners' extracts) of a workspace.");
        var workspace = WorkspaceOption.Create();
        var name = new Argument<string>("NAME") { Description = "Source name: lower-case letters, digits and underscores, e.g. county_jail." };
        var dictionary = new Option<string>("--dictionary") { Description = "YAML data dictionary describing the source's files (see docs/intake.md).", Required = true };
        var add = new Command("add", "Register a source with its data dictionary.") { name, dictionary, workspace };
        add.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.Open(parsed, workspace, Capability.Configure, AuditAction.Configure, $"add source {parsed.GetValue(name)}");
            var path = parsed.GetValue(dictionary)!;
            if (!File.Exists(path))
            {
                throw new UsageException($"The data dictionary {path} was not found.");
            }

            try
            {
                var record = opened.Sources.Add(parsed.GetValue(name)!, File.ReadAllText(path), Path.GetFileName(path), opened.UtcNow);
                output.WriteLine($"Registered source '{record.Name}' ({record.Title}), dictionary version {record.DictionaryVersion}.");
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is DictionaryException or WorkspaceException)
            {
                throw new UsageException(ex.Message);
            }
        });

        var listWorkspace = WorkspaceOption.Create();
        var list = new Command("list", "List the workspace's sources.") { listWorkspace };
        list.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.Open(parsed, listWorkspace, Capability.ViewOverview, AuditAction.Read, "sources");
            foreach (var source in opened.Sources.List())
            {
                // How its identifiers arrive, as its data sharing agreement says.
                var mode = opened.IdentifierMode(source.Name) is var (transfer, agreement) ? $"{transfer.ToString().ToLowerInvariant()} ({agreement})" : "no agreement";
                output.WriteLine($"{source.Name,-16} {source.DictionaryName,-14} v{source.DictionaryVersion}  {mode,-28} {source.Title}");
            }

            return ExitCodes.Ok;
        });
        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        return command;
    }
}
