using System.CommandLine;
using System.Globalization;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Intake.Quality;

namespace Tessera.Cli.Commands;

/// <summary><c>tessera quality DELIVERY</c>: writes a delivery's data-quality profile as JSON and HTML.</summary>
public static class QualityCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var delivery = new Argument<long>("DELIVERY") { Description = "Delivery number, as printed by 'tessera ingest'." };
        var outDir = new Option<string>("--out") { Description = "Folder to write the report into.", DefaultValueFactory = _ => "." };
        var command = new Command("quality", "Write a delivery's data-quality profile (completeness, validity, uniqueness, consistency, timeliness, drift) as JSON and HTML.")
        {
            delivery, outDir, workspace,
        };
        command.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.Open(parsed, workspace, Capability.ViewDeliveryQuality, AuditAction.Read, $"quality profile of delivery {parsed.GetValue(delivery)}");
            var id = parsed.GetValue(delivery);
            var entry = opened.Vault.Delivery(id) ?? throw new UsageException($"The workspace has no delivery #{id}. 'tessera deliveries' lists them.");
            if (entry.QualityJson is null)
            {
                throw new UsageException($"Delivery #{id} was rejected, so it has no quality profile. Why: {entry.StatusReason}");
            }

            var report = System.Text.Json.JsonSerializer.Deserialize<QualityReport>(entry.QualityJson, Intake.Delivering.DeliveryProcessor.JsonOptions)!;
            var folder = parsed.GetValue(outDir)!;
            Directory.CreateDirectory(folder);
            var stem = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"quality-{entry.Source}-{id}"));
            File.WriteAllText(stem + ".json", entry.QualityJson);
            File.WriteAllText(stem + ".html", QualityHtml.Render(report));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Delivery #{id} ({entry.Source}, {entry.PeriodLabel}, {entry.Status}): {report.RowsRead:N0} rows read, {report.RowsAccepted:N0} stored, {report.RowsQuarantined:N0} quarantined, {report.Drift.Count} drift finding(s)."));
            output.WriteLine($"Wrote {stem}.json and {stem}.html");
            return ExitCodes.Ok;
        });
        return command;
    }
}
