using System.CommandLine;
using System.CommandLine.Help;
using Tessera.Cli.Commands;

namespace Tessera.Cli;

/// <summary>
/// The <c>tessera</c> command line: parses, runs one command, and turns every outcome into an
/// exit code (0 ok, 1 failure, 2 invalid input) and a plain-language message. Stack traces are
/// printed only with <c>--verbose</c>.
/// </summary>
public static class TesseraCli
{
    /// <summary>Shows stack traces on failure.</summary>
    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Show technical details (stack traces) when something fails.",
        Recursive = true,
    };

    /// <summary>Every command, for running and for the tests that check each one is authorised and audited.</summary>
    public static RootCommand BuildRoot(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Tessera links administrative records across agencies and turns them into outcome measures for contracts.")
        {
            SynthCommand.Create(output, error),
            DemoCommand.Create(output, error),
            ServeCommand.Create(output),
            InitCommand.Create(output),
            SourceCommand.Create(output),
            IngestCommand.Create(output, error),
            DeliveriesCommand.Create(output),
            QualityCommand.Create(output),
            AuditCommand.Create(output),
            KeysCommand.Create(output),
            TokensCommand.Create(output),
            SessionsCommand.Create(output),
            ProvidersCommand.Create(output),
            AgreementsCommand.Create(output),
            ReleaseCommand.Create(output),
            TransparencyCommand.Create(output),
            EvaluateCommand.Create(output),
            TimelineCommand.Create(output),
            PlanCommand.Create(output),
            ContractsCommand.Create(output),
            PaymentsCommand.Create(output),
            AcmCommand.Create(output),
            LinkageCommand.Create(output, error),
            EncodeCommand.Create(output),
            LinkCommand.Create(output, error),
            ReviewCommand.Create(output),
            ReportCommand.Create(output),
            MetricsCommand.Create(output, error),
        };
        root.Options.Add(Verbose);
        return root;
    }

    /// <summary>Runs the command line <paramref name="args"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var root = BuildRoot(output, error);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync("tessera: " + parseError.Message);
            }

            await error.WriteLineAsync("Run 'tessera --help' (or 'tessera COMMAND --help') to see what is expected.");
            return ExitCodes.InvalidInput;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (Exception ex) when (ex is UsageException or Storage.Workspaces.WorkspaceException or Contracts.Files.ContractingFileException or Governance.Agreements.AgreementsFileException or Storage.Access.AccessDeniedException or Storage.Payments.StatementLockedException or Storage.Releases.ReleaseRefusedException or Storage.Transparency.PrivacyBudgetExhaustedException or Linkage.Encodings.LinkageSchemaException)
        {
            // A workspace refusing (already initialised, no such source, a key file that exists), a file with mistakes
            // and an access the policy refused (already on record) are the user's input.
            await error.WriteLineAsync("tessera: " + ex.Message);
            return ExitCodes.InvalidInput;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("tessera: stopped before finishing; nothing was left half-written.");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await error.WriteLineAsync("tessera: something went wrong: " + ex.Message);
            if (parsed.GetValue(Verbose))
            {
                await error.WriteLineAsync(ex.ToString());
            }
            else
            {
                await error.WriteLineAsync("Run the command again with --verbose for technical details.");
            }

            return ExitCodes.Failure;
        }
    }
}
