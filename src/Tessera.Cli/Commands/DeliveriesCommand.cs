using System.CommandLine;
using System.Globalization;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;

namespace Tessera.Cli.Commands;

/// <summary><c>tessera deliveries</c>: lists deliveries, newest first, with their status.</summary>
public static class DeliveriesCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var source = new Option<string?>("--source") { Description = "Only this source's deliveries." };
        var command = new Command("deliveries", "List deliveries, newest first: period, status (current, superseded, rejected) and row counts.") { source, workspace };
        command.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.Open(parsed, workspace, Capability.ListDeliveries, AuditAction.Read, parsed.GetValue(source) is { } only ? $"deliveries of {only}" : "deliveries");
            foreach (var d in opened.Vault.Deliveries(parsed.GetValue(source)))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"#{d.Id,-5} {d.Source,-14} {d.PeriodLabel,-24} {d.Status,-10} {d.RowsRead,10:N0} read {d.RowsAccepted,10:N0} stored {d.RowsQuarantined,8:N0} quarantined  {d.StatusReason}"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
