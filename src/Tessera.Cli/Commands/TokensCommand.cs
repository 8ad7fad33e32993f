using System.CommandLine;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;

namespace Tessera.Cli.Commands;

/// <summary><c>tessera tokens</c>: service accounts with API tokens for agencies that automate their deliveries.</summary>
public static class TokensCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var command = new Command("tokens", "Service accounts: API tokens that let an agency's system deliver to its own sources (POST /api/deliveries).");
        command.Subcommands.Add(CreateToken(output));
        command.Subcommands.Add(List(output));
        command.Subcommands.Add(Revoke(output));
        return command;
    }

    private static Command CreateToken(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var name = new Option<string>("--name") { Description = "The service account's name, e.g. hmis-nightly.", Required = true };
        var sources = new Option<string[]>("--source") { Description = "A source it may deliver to (repeat for several).", Required = true, AllowMultipleArgumentsPerToken = false };
        var create = new Command("create", "Create a service account and print its token (shown once; only its hash is kept).") { name, sources, workspace };
        create.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.Open(parsed, workspace, Capability.Configure, AuditAction.Configure, $"create service account {parsed.GetValue(name)}");
            var token = opened.CreateServiceToken(parsed.GetValue(name)!, parsed.GetValue(sources)!, opened.Config.Operator, opened.UtcNow);
            output.WriteLine(token);
            parsed.InvocationConfiguration.Error.WriteLine("This token is shown once. Give it to the agency's system through a secret store; it may deliver only to the sources named.");
            return ExitCodes.Ok;
        });
        return create;
    }

    private static Command List(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var list = new Command("list", "List service accounts, their sources and whether they are revoked.") { workspace };
        list.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.Open(parsed, workspace, Capability.Configure, AuditAction.Read, "service accounts");
            foreach (var token in opened.ServiceTokens())
            {
                output.WriteLine($"{token.Name,-24} {token.Sources,-30} created {token.CreatedUtc:yyyy-MM-dd}{(token.RevokedUtc is { } revoked ? $"  revoked {revoked:yyyy-MM-dd HH:mm}" : "")}");
            }

            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command Revoke(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var name = new Argument<string>("NAME") { Description = "The service account whose token stops working now." };
        var revoke = new Command("revoke", "Revoke a service account's token at once.") { name, workspace };
        revoke.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.Open(parsed, workspace, Capability.Configure, AuditAction.Configure, $"revoke service account {parsed.GetValue(name)}");
            opened.RevokeServiceToken(parsed.GetValue(name)!, opened.Config.Operator, opened.UtcNow);
            output.WriteLine($"Revoked {parsed.GetValue(name)}; its token is refused from now on.");
            return ExitCodes.Ok;
        });
        return revoke;
    }
}
