using System.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tessera.Web;

namespace Tessera.Cli.Commands;

/// <summary><c>tessera serve</c>: serves the web app for a workspace on 127.0.0.1.</summary>
public static class ServeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var workspace = new Option<string>("--workspace") { Description = "The workspace folder to show.", DefaultValueFactory = _ => "workspace" };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 to listen on.", DefaultValueFactory = _ => 5080 };
        var demoUsers = new Option<bool>("--demo-users")
        {
            Description = "Let the passwordless demo users (one per role) sign in, for a demonstration. Off unless given: a server without it refuses demo users and their sessions.",
        };
        var command = new Command("serve", "Serve the Tessera web app for a workspace on http://127.0.0.1.") { workspace, port, demoUsers };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await ServeAsync(parsed.GetValue(workspace)!, parsed.GetValue(port), parsed.GetValue(demoUsers), output, cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Runs the web app until <paramref name="cancellationToken"/> fires (Ctrl+C); demo users may sign in only with <paramref name="demoUsers"/>.</summary>
    public static async Task ServeAsync(string workspace, int port, bool demoUsers, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (port is < 1 or > 65535)
        {
            throw new UsageException($"--port must be between 1 and 65535 (got {port}).");
        }

        var folder = Path.GetFullPath(workspace);
        var url = $"http://127.0.0.1:{port}";
        var app = TesseraWebApp.Create([], builder =>
        {
            builder.WebHost.UseUrls(url);
            // Request-by-request logs bury the one line a demo user needs; warnings still show.
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.Configuration["Tessera:Workspace"] = folder;
            builder.Configuration["Tessera:Identity:DemoUsers"] = demoUsers ? "true" : "false";
        });
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            throw new UsageException($"Cannot listen on {url}: {ex.Message} Is another program (or another Tessera) using port {port}? Try --port.");
        }

        await output.WriteLineAsync($"Tessera is serving workspace {folder} at {url}  (press Ctrl+C to stop)");
        if (demoUsers)
        {
            await output.WriteLineAsync("Demo users are on: anyone who reaches this address can sign in without a password. Use synthetic data only.");
        }
        await app.WaitForShutdownAsync(cancellationToken);
        await app.DisposeAsync();
    }
}
