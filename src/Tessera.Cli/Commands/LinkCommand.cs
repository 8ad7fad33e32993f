using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Tessera.Cli.Console;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Linkage.Input;
using Tessera.Storage.Linking;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera link</c>: links every person record in the workspace, keeps person ids stable from
/// the previous run, applies reviewers' decisions, queues uncertain pairs for review and rebuilds
/// the family links. With <c>--out</c> it also writes clusters.csv and families.csv.
/// </summary>
public static class LinkCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var workspace = WorkspaceOption.Create();
        var outDir = new Option<string?>("--out") { Description = "Also write clusters.csv (source,record_id,person_id) and families.csv (person_id_a,person_id_b,relation) into this folder. Person-level: keep it inside the secure environment." };
        var threshold = new Option<double?>("--threshold") { Description = "Match probability from which records are the same person (default 0.5)." };
        var configFile = new Option<string?>("--config") { Description = "A YAML file with the threshold, deterministic rules (e.g. [ssn, birth_date]) and the review band (review_from, review_to); see docs/linkage.md." };
        var command = new Command("link", "Link every person record in the workspace into persons with stable pseudonymous ids, queue uncertain pairs for review, and build family links.")
        {
            outDir, threshold, configFile, workspace,
        };
        command.SetAction((parsed, cancellationToken) =>
        {
            var options = parsed.GetValue(configFile) is { } path ? FromConfig(path) : new WorkspaceLinkOptions();
            if (parsed.GetValue(threshold) is { } chosen)
            {
                if (chosen is <= 0 or >= 1)
                {
                    throw new UsageException($"--threshold must be a probability between 0 and 1, e.g. 0.9 (got {chosen.ToString(CultureInfo.InvariantCulture)}).");
                }

                options = options with { Linkage = options.Linkage with { MatchThreshold = chosen } };
            }

            var clock = Stopwatch.StartNew();
            using var opened = WorkspaceOption.Open(parsed, workspace, Capability.LinkRecords, AuditAction.Link, "person records of every source (linkage run)");
            var report = WorkspaceLinker.Run(opened, opened.Config.Operator, options, new ProgressReporter(error), cancellationToken);
            foreach (var source in report.Unreadable)
            {
                error.WriteLine($"Left out: the data key of '{source}' was destroyed, so its identifiers cannot be read.");
            }

            var run = report.Run;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Link run #{run.Id}: {run.Records:N0} record(s) into {run.Persons:N0} person(s); {run.Issued:N0} new id(s), {run.Merged:N0} merged, {run.Split:N0} split, {run.Retired:N0} retired; {report.Decisions:N0} reviewer decision(s) applied; {run.Review:N0} pair(s) to review; {run.FamilyLinks:N0} family link(s)."));
            if (run.Records == 0)
            {
                output.WriteLine("No person records yet: ingest deliveries of a source whose dictionary maps identity fields ('tessera ingest'), then link again.");
            }

            if (parsed.GetValue(outDir) is { } folder)
            {
                Export(opened, folder);
                output.WriteLine($"Wrote clusters.csv and families.csv to {Path.GetFullPath(folder)}");
            }

            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Done in {clock.Elapsed.TotalSeconds:0.00} s."));
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static WorkspaceLinkOptions FromConfig(string path)
    {
        LinkageConfig config;
        try
        {
            config = LinkageConfig.Load(path);
        }
        catch (LinkageInputException ex)
        {
            throw new UsageException(ex.Message);
        }

        if (config.Columns.Count > 0 || config.RecordId is not null)
        {
            throw new UsageException($"{path}: in a workspace the sources' data dictionaries say which field is which; remove 'columns' and 'record_id' from the config.");
        }

        if (config.Labels is not null)
        {
            throw new UsageException($"{path}: 'labels' applies to 'tessera linkage run'; in a workspace, record known matches as review decisions ('tessera review decide').");
        }

        var defaults = new WorkspaceLinkOptions();
        if ((config.ReviewFrom ?? defaults.ReviewFrom) >= (config.ReviewTo ?? defaults.ReviewTo))
        {
            throw new UsageException($"{path}: the review band is empty: review_from must be below review_to (defaults {defaults.ReviewFrom} and {defaults.ReviewTo}).");
        }

        return defaults with
        {
            Linkage = config.ApplyTo(defaults.Linkage),
            ReviewFrom = config.ReviewFrom ?? defaults.ReviewFrom,
            ReviewTo = config.ReviewTo ?? defaults.ReviewTo,
        };
    }

    private static void Export(Storage.Workspaces.Workspace workspace, string folder)
    {
        Directory.CreateDirectory(folder);
        var index = new PersonIndex(workspace.Vault);
        LinkageOutput.WriteAtomically(Path.Combine(folder, "clusters.csv"), csv =>
        {
            csv.Row("source", "record_id", "person_id", "file");
            foreach (var (source, file, id, person) in index.Records())
            {
                csv.Row(source, id, person, file);
            }
        });
        LinkageOutput.WriteAtomically(Path.Combine(folder, "families.csv"), csv =>
        {
            csv.Row("person_id_a", "person_id_b", "relation", "evidence");
            foreach (var (a, b, relation, evidence) in index.FamilyLinks())
            {
                csv.Row(a, b, relation, evidence);
            }
        });
    }
}
