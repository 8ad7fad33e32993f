using System.CommandLine;
using Tessera.Governance.Access;
using Microsoft.EntityFrameworkCore;
using Tessera.Governance.Audit;
using Tessera.Storage.Access;
using Tessera.Storage.Agreements;
using Tessera.Storage.Workspaces;

namespace Tessera.Cli.Commands;

/// <summary><c>tessera keys</c>: list data keys, rotate the master key, destroy a source's keys (crypto-shredding).</summary>
public static class KeysCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var command = new Command("keys", "Manage the workspace's encryption keys: the master key file and each source's data key.");
        command.Subcommands.Add(List(output));
        command.Subcommands.Add(Rotate(output));
        command.Subcommands.Add(Destroy(output));
        return command;
    }

    private static Command List(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var list = new Command("list", "List each source's data keys and the master key that wraps them.") { workspace };
        list.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.Open(parsed, workspace, Capability.Configure, AuditAction.Read, "key list");
            output.WriteLine($"Master key: {opened.Config.MasterKeyFile} (fingerprint {opened.Config.MasterKeyFingerprint})");
            using var db = opened.Operational();
            var keys = db.DataKeys.AsNoTracking().ToList();
            foreach (var source in db.Sources.AsNoTracking().OrderBy(s => s.Name).ToList())
            {
                var own = keys.Where(k => k.Source == source.Name).OrderBy(k => k.KeyId).ToList();
                output.WriteLine(source.KeysDestroyedUtc is { } destroyed
                    ? $"  {source.Name,-16} destroyed {destroyed:yyyy-MM-dd HH:mm} UTC"
                    : $"  {source.Name,-16} {own.Count} key(s), current #{own.LastOrDefault()?.KeyId}, wrapped by {string.Join(", ", own.Select(k => k.MasterKeyFingerprint).Distinct())}");
            }

            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command Rotate(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var file = new Option<string>("--new-key-file")
        {
            Description = "Where to write the new master key (a new file, outside the workspace). Afterwards the old key file is no longer used and can be deleted.",
            Required = true,
        };
        var rotate = new Command("rotate", "Create a new master key and re-wrap every data key with it; identifiers are not re-encrypted, so this takes seconds.") { file, workspace };
        rotate.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.Open(parsed, workspace, Capability.Configure, AuditAction.Configure, "master key rotation");
            var (old, rewrapped) = opened.Keys.RotateMasterKey(parsed.GetValue(file)!, opened.Config.Operator);
            output.WriteLine($"Re-wrapped {rewrapped} data key(s) with the new master key {opened.Config.MasterKeyFile} (fingerprint {opened.Config.MasterKeyFingerprint}).");
            output.WriteLine($"The old key file {old} is no longer used: delete it, and its backups, once the new key is backed up.");
            if (Environment.GetEnvironmentVariable(Governance.Keys.MasterKey.EnvironmentVariable) is { Length: > 0 })
            {
                output.WriteLine($"{Governance.Keys.MasterKey.EnvironmentVariable} is set: put the new key's value in it before the next command.");
            }

            return ExitCodes.Ok;
        });
        return rotate;
    }

    private static Command Destroy(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var source = new Option<string?>("--source") { Description = "The source whose data keys are destroyed." };
        var due = new Option<bool>("--due") { Description = "Destroy the keys of every source whose data sharing agreement's destruction day (destroy_on) has come." };
        var destroy = new Command("destroy", "Destroy a source's data keys (crypto-shredding, e.g. when its data sharing agreement ends): its identifiers and raw files become unreadable for good; other sources are untouched.")
        {
            source, due, workspace,
        };
        destroy.SetAction(parsed =>
        {
            var name = parsed.GetValue(source);
            if ((name is null) == !parsed.GetValue(due))
            {
                throw new UsageException("Give either --source NAME or --due.");
            }

            if (name is not null)
            {
                using var opened = WorkspaceOption.Open(parsed, workspace, Capability.Configure, AuditAction.Configure, $"destroy data keys of {name}");
                Shred(output, opened, name);
                return ExitCodes.Ok;
            }

            using (var opened = WorkspaceOption.Open(parsed, workspace, Capability.Configure, AuditAction.Read, "sources due for key destruction"))
            {
                var dueSources = AgreementRegistry.DueForDestruction(opened);
                foreach (var (dueSource, dsa, day) in dueSources)
                {
                    Caller.Operator(opened).Permit(Capability.Configure, AuditAction.Configure, $"destroy data keys of {dueSource} (data sharing agreement {dsa}: destruction day {day:yyyy-MM-dd})");
                    Shred(output, opened, dueSource);
                }

                output.WriteLine(dueSources.Count == 0 ? "No data sharing agreement's destruction day has come; no key was destroyed." : $"{dueSources.Count} source(s) shredded on their destruction day.");
            }

            return ExitCodes.Ok;
        });
        return destroy;
    }

    private static void Shred(TextWriter output, Workspace opened, string name)
    {
        var count = opened.DestroySourceKeys(name, opened.Config.Operator, opened.UtcNow);
        output.WriteLine($"Destroyed {count} data key(s) of {name} and its encrypted raw files. Its identifiers can no longer be read by anyone; its de-identified rows remain.");
    }
}
