using System.CommandLine;
using System.Globalization;
using Tessera.Governance.Audit;
using Tessera.Intake.Delivering;
using Tessera.Cli.Console;
using Tessera.Intake.Inbox;
using Tessera.Contracts.Files;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Linking;
using Tessera.Storage.Metrics;
using Tessera.Storage.Workspaces;
using Tessera.Synthetic;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera demo</c>: generates a small synthetic county into a workspace, runs every pipeline
/// stage that exists, and serves the web app on http://127.0.0.1:5080. A second run reuses the
/// county already generated, so the demo starts in seconds.
/// </summary>
public static class DemoCommand
{
    /// <summary>
    /// Initialises the workspace if needed and ingests every month of every source in its
    /// incoming folder, oldest first. Deliveries already ingested are recognised by their
    /// content and skipped, so a second demo run only checks.
    /// </summary>
    public static async Task IngestCountyAsync(string folder, DeliveryInbox inbox, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        ArgumentNullException.ThrowIfNull(output);
        if (!Workspace.Exists(folder))
        {
            using var created = Workspace.Create(folder, null, WorkspaceOption.CurrentOperator, WorkspaceOption.Clock.GetUtcNow().UtcDateTime, clock: WorkspaceOption.Clock);
            await output.WriteLineAsync($"Initialised the workspace; its master key is {created.Config.MasterKeyFile}.");
        }

        using var workspace = Workspace.Open(folder, clock: WorkspaceOption.Clock);
        workspace.Audit.Record(AuditEvent.OnCommandLine(workspace.Config.Operator, AuditAction.Ingest, "demo deliveries of the synthetic county", "demonstration"));
        using var open = workspace.Vault.KeepOpen();
        foreach (var source in inbox.Sources())
        {
            int accepted = 0, duplicate = 0, rejected = 0;
            long rows = 0;
            foreach (var delivery in source.Deliveries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // The demo computes every metric once the county is in, so nothing is queued.
                var outcome = workspace.Ingest(new DeliveryRequest { Source = source.Name, Provider = delivery.Provider, Paths = [delivery.Folder] }, workspace.Clock, cancellationToken: cancellationToken, queueRecomputation: false);
                switch (outcome.Status)
                {
                    case DeliveryOutcome.Accepted: accepted++; rows += outcome.RowsAccepted; break;
                    case DeliveryOutcome.Duplicate: duplicate++; break;
                    default:
                        rejected++;
                        await error.WriteLineAsync($"  {source.Name} {delivery.Provider}{(delivery.Provider is null ? "" : " ")}{delivery.Month}: rejected: {outcome.RejectionReason}");
                        break;
                }
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Ingested {source.Name}: {accepted} new deliveries ({rows:N0} rows), {duplicate} already present, {rejected} rejected."));
        }

        // The county's providers and their programs (an unchanged registry is left as it is).
        var providers = Path.Combine(inbox.Root, CountyProviders.FileName);
        if (File.Exists(providers))
        {
            var registered = ProviderRegistry.Import(Caller.Operator(workspace), ContractingFile.Read(CountyProviders.FileName, await File.ReadAllTextAsync(providers, cancellationToken)), "demo county");
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Registered the county's providers: {registered.Added.Count} new, {registered.Changed.Count} changed, {registered.Unchanged.Count} unchanged."));
        }
    }

    /// <summary>Links the ingested county (<c>tessera link</c>), keeping the ids of an earlier demo run.</summary>
    public static void LinkCounty(string folder, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var workspace = Workspace.Open(folder, clock: WorkspaceOption.Clock);
        workspace.Audit.Record(AuditEvent.OnCommandLine(workspace.Config.Operator, AuditAction.Link, "person records of every source (linkage run)", "demonstration"));
        var run = WorkspaceLinker.Run(workspace, workspace.Config.Operator, new WorkspaceLinkOptions(), new ProgressReporter(error), cancellationToken).Run;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Linked {run.Records:N0} person records into {run.Persons:N0} persons; {run.Review:N0} pairs to review; {run.FamilyLinks:N0} family links."));
        workspace.Audit.Record(AuditEvent.OnCommandLine(workspace.Config.Operator, AuditAction.Compute, "every metric", "demonstration"));
        var computed = 0;
        new MetricStore(workspace).Compute(MetricCatalog.Load(workspace).Where(e => e.Available).ToList(), workspace.Config.Operator, workspace.UtcNow, null, null, (entry, run, problem) =>
        {
            if (run is null)
            {
                // A small county may have no rows yet for a metric's file.
                error.WriteLine($"Metric {entry.Definition.Id} skipped: {problem!.Message}");
            }
            else
            {
                computed++;
            }
        });
        output.WriteLine($"Computed {computed} metrics of the standard library.");
        if (DemoContracts.Register(workspace, new DeliveryInbox(folder).Root) is { } contracts)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Contracts of the county's providers ({DemoContracts.FileName}): {contracts.Added.Count} new, {contracts.Changed.Count} changed, {contracts.Unchanged.Count} unchanged."));
        }

        if (DemoAgreements.Register(workspace, new DeliveryInbox(folder).Root) is { } agreements)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Agreements ({DemoAgreements.FileName}): {agreements.Active} active, the analyst's licence {DemoAgreements.Licence} among them; {agreements.Results} private results on the transparency page."));
        }
    }

    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var workspace = new Option<string>("--workspace") { Description = "Workspace folder for the demo.", DefaultValueFactory = _ => "workspace" };
        var people = new Option<int>("--people") { Description = "People in the synthetic county.", DefaultValueFactory = _ => 20_000 };
        var seed = new Option<long>("--seed") { Description = "Random seed for the county.", DefaultValueFactory = _ => 1 };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 to serve the web app on.", DefaultValueFactory = _ => 5080 };
        var noServe = new Option<bool>("--no-serve") { Description = "Prepare the workspace and exit without serving the web app." };
        var command = new Command("demo", "Generate a synthetic county into a workspace, run the pipeline, and serve the web app on http://127.0.0.1:5080.")
        {
            workspace, people, seed, port, noServe,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var folder = Path.GetFullPath(parsed.GetValue(workspace)!);
            var inbox = new DeliveryInbox(folder);
            if (inbox.Sources().Count > 0)
            {
                await output.WriteLineAsync($"Using the synthetic county already in {inbox.Root}.");
            }
            else
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Generating a synthetic county of {parsed.GetValue(people):N0} people into {inbox.Root} …"));
                var options = new SynthOptions { People = parsed.GetValue(people), Seed = parsed.GetValue(seed) };
                SynthCommand.Run(options, inbox.Root, error, cancellationToken);
            }

            await IngestCountyAsync(folder, inbox, output, error, cancellationToken);
            LinkCounty(folder, output, error, cancellationToken);
            if (parsed.GetValue(noServe))
            {
                await output.WriteLineAsync($"Workspace ready: {folder}");
                return ExitCodes.Ok;
            }

            await ServeCommand.ServeAsync(folder, parsed.GetValue(port), demoUsers: true, output, cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
