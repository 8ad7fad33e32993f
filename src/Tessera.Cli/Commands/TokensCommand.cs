using System.CommandLine;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Access;

namespace Tessera.Cli.Commands;

/// <summary><c>tessera tokens</c>: service accounts with API tokens for agencies that automate their deliveries and for BI tools.</summary>
public static class TokensCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var command = new Command("tokens", "Service accounts: API tokens that let an agency's system deliver to its own sources (POST /api/deliveries) and BI tools read contracts and metrics (GET /api/contracts, /api/metrics).");
        command.Subcommands.Add(CreateToken(output));
        command.Subcommands.Add(List(output));
        command.Subcommands.Add(Revoke(output));
        return command;
    }

    private static Command CreateToken(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var name = new Option<string>("--name") { Description = "The service account's name, e.g. hmis-nightly.", Required = true };
        var role = new Option<string>("--role")
        {
            Description = "data-partner (delivers to its sources; the default without --provider), contract-manager (reads its agency's contracts and metrics) or provider-staff (reads its provider's contracts; the default with --provider).",
        };
        role.AcceptOnlyFromAmong([.. ServiceAccounts.Roles.Select(ServiceAccounts.Describe)]);
        var sources = new Option<string[]>("--source") { Description = "A source it is limited to (repeat for several): a data partner's own, a contract manager's agency.", AllowMultipleArgumentsPerToken = false };
        var providers = new Option<string[]>("--provider") { Description = "A provider a provider-staff account is limited to (repeat for several).", AllowMultipleArgumentsPerToken = false };
        var create = new Command("create", "Create a service account and print its token (shown once; only its hash is kept).") { name, role, sources, providers, workspace };
        create.SetAction(parsed =>
        {
            var chosen = parsed.GetValue(role) ?? ((parsed.GetValue(providers) ?? []).Length > 0 ? ServiceAccounts.Describe(Role.ProviderStaff) : ServiceAccounts.Describe(Role.DataPartner));
            var kind = ServiceAccounts.Roles.Single(r => ServiceAccounts.Describe(r) == chosen);
            var scope = AccessScope.FromClaims(
                (parsed.GetValue(sources) ?? []).Select(s => "source:" + s).Concat((parsed.GetValue(providers) ?? []).Select(p => "provider:" + p)));
            using var opened = WorkspaceOption.Open(parsed, workspace, Capability.Configure, AuditAction.Configure, $"create service account {parsed.GetValue(name)}");
            var token = opened.ServiceAccounts.Create(parsed.GetValue(name)!, kind, scope, opened.Config.Operator, opened.UtcNow);
            output.WriteLine(token);
            parsed.InvocationConfiguration.Error.WriteLine($"This token is shown once. Give it to the system through a secret store; it acts as a {ServiceAccounts.Describe(kind)} limited to {scope}.");
            return ExitCodes.Ok;
        });
        return create;
    }

    private static Command List(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var list = new Command("list", "List service accounts, their role, what they are limited to and whether they are revoked.") { workspace };
        list.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.Open(parsed, workspace, Capability.Configure, AuditAction.Read, "service accounts");
            foreach (var account in opened.ServiceAccounts.List())
            {
                output.WriteLine($"{account.Name,-24} {ServiceAccounts.Describe(account.Role),-16} {account.Scope,-30} created {account.CreatedUtc:yyyy-MM-dd}{(account.RevokedUtc is { } revoked ? $"  revoked {revoked:yyyy-MM-dd HH:mm}" : "")}");
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
            opened.ServiceAccounts.Revoke(parsed.GetValue(name)!, opened.Config.Operator, opened.UtcNow);
            output.WriteLine($"Revoked {parsed.GetValue(name)}; its token is refused from now on.");
            return ExitCodes.Ok;
        });
        return revoke;
    }
}
