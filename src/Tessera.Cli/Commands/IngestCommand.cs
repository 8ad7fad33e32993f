using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Tessera.Governance.Access;
using Tessera.Cli.Console;
using Tessera.Governance.Audit;
using Tessera.Intake.Delivering;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera ingest --source NAME FILE…</c>: validates and stores one delivery. Exit 0 when
/// accepted or recognised as an identical re-delivery, 2 when rejected, 1 on failure.
/// </summary>
public static class IngestCommand
{
    /// <summary>Environment variable naming a commit step at which the process kills itself (crash tests only).</summary>
    public const string FaultPointVariable = "TESSERA_FAULT_POINT";

    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var workspace = WorkspaceOption.Create();
        var source = new Option<string>("--source") { Description = "Source the delivery comes from, e.g. benefits.", Required = true };
        var files = new Argument<string[]>("FILE") { Description = "The delivery: CSV or Parquet files, a month's folder, or an HMIS CSV export (zip or folder).", Arity = ArgumentArity.OneOrMore };
        var period = new Option<string?>("--period") { Description = "Month the delivery covers, YYYY-MM. Default: the name of the YYYY-MM folder it is in. HMIS exports carry their own period." };
        var maxErrors = new Option<double?>("--max-error-share") { Description = "Reject the delivery when more than this share of rows is invalid (default: the dictionary's, usually 0.05)." };
        var json = new Option<bool>("--json") { Description = "Print the outcome as JSON on standard output." };
        var provider = new Option<string?>("--provider") { Description = "For a source providers deliver themselves (e.g. provider_services): the provider sending it, e.g. WF03." };
        var command = new Command("ingest", "Validate and store one delivery of a source: accepted whole or not at all; re-sending the same files changes nothing.")
        {
            source, files, period, maxErrors, json, provider, workspace,
        };
        command.SetAction((parsed, cancellationToken) =>
        {
            using var opened = WorkspaceOption.Open(parsed, workspace, Capability.Deliver, AuditAction.Ingest, $"delivery to {parsed.GetValue(source)}");
            var request = new DeliveryRequest
            {
                Source = parsed.GetValue(source)!,
                Paths = parsed.GetValue(files)!,
                Period = parsed.GetValue(period),
                MaxErrorShare = parsed.GetValue(maxErrors),
                Provider = parsed.GetValue(provider),
            };
            var outcome = opened.Ingest(request, opened.Clock, new IngestProgressReporter(error), cancellationToken, FaultPointFromEnvironment());
            Report(outcome, parsed.GetValue(json), output, error);
            return Task.FromResult(outcome.Succeeded ? ExitCodes.Ok : ExitCodes.InvalidInput);
        });
        return command;
    }

    private static Action<string>? FaultPointFromEnvironment()
    {
        var point = Environment.GetEnvironmentVariable(FaultPointVariable);
        return string.IsNullOrEmpty(point) ? null : step =>
        {
            if (step == point)
            {
                Environment.FailFast("Fault point " + step);
            }
        };
    }

    private static void Report(DeliveryOutcome outcome, bool json, TextWriter output, TextWriter error)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(outcome));
        }

        var summary = outcome.Status switch
        {
            DeliveryOutcome.Accepted => string.Create(CultureInfo.InvariantCulture,
                $"Delivery #{outcome.DeliveryId} of {outcome.Source} for {outcome.Period} accepted: {outcome.RowsAccepted:N0} of {outcome.RowsRead:N0} rows stored, {outcome.RowsQuarantined:N0} quarantined.")
                + (outcome.Superseded.Count > 0 ? $" It replaces delivery #{string.Join(", #", outcome.Superseded)} (kept in the history)." : ""),
            DeliveryOutcome.Duplicate => $"These files were already ingested as delivery #{outcome.DeliveryId} of {outcome.Source} for {outcome.Period}; nothing was changed.",
            _ => $"Delivery of {outcome.Source} rejected; nothing was stored. {outcome.RejectionReason}",
        };
        (outcome.Status == DeliveryOutcome.Rejected ? error : json ? error : output).WriteLine(summary);
    }
}
