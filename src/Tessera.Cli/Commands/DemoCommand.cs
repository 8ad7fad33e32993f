using System.CommandLine;
using System.Globalization;
using Tessera.Intake.Inbox;
using Tessera.Synthetic;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera demo</c>: generates a small synthetic county into a workspace, runs every pipeline
/// stage that exists, and serves the web app on http://127.0.0.1:5080. A second run reuses the
/// county already generated, so the demo starts in seconds.
/// </summary>
public static class DemoCommand
{
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

            if (parsed.GetValue(noServe))
            {
                await output.WriteLineAsync($"Workspace ready: {folder}");
                return ExitCodes.Ok;
            }

            await ServeCommand.ServeAsync(folder, parsed.GetValue(port), output, cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
