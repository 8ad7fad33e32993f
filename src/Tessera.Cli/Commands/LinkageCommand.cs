using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Tessera.Cli.Console;
using Tessera.Linkage.Assignment;
using Tessera.Linkage.Clustering;
using Tessera.Linkage.Evaluation;
using Tessera.Linkage.Input;
using Tessera.Linkage.Running;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera linkage run</c> links CSV files without a workspace; <c>tessera linkage evaluate</c>
/// scores a clustering against the truth.
/// </summary>
public static class LinkageCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error) =>
        new("linkage", "Link CSV files outside a workspace and measure linkage accuracy.")
        {
            RunCommand(output, error),
            EvaluateCommand(output),
        };

    private static Command RunCommand(TextWriter output, TextWriter error)
    {
        var inputs = new Option<string[]>("--input")
        {
            Description = "A CSV file to link (repeat for several). Its first column is the record id; columns named given_name, middle_name, family_name, full_name, birth_date, sex, ssn, street, city, zip, phone, email are compared, and Bloom-filter encodings (base64) in clk, given_name_clk, family_name_clk, birth_date_clk and the like.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var outDir = new Option<string>("--out") { Description = "Folder to write clusters.csv, pairs.csv, model.json and blocking.csv into.", Required = true };
        var threshold = new Option<double?>("--threshold") { Description = "Match probability from which records are the same person (default 0.5)." };
        var configFile = new Option<string?>("--config") { Description = "A YAML file naming the record id column, mapping file columns to standard columns, setting the threshold and deterministic rules (see docs/linkage.md)." };
        var oneToOne = new Option<string?>("--one-to-one") { Description = "greedy or optimal: each file holds a person at most once (data partners who de-duplicated their extracts). Greedy takes links strongest first, for any number of files; optimal finds the best assignment between exactly two." };
        oneToOne.AcceptOnlyFromAmong("greedy", "optimal");
        var command = new Command("run", "Link records within and across CSV files with the default model, trained on the files themselves.") { inputs, outDir, threshold, configFile, oneToOne };
        command.SetAction((parsed, cancellationToken) =>
        {
            var clock = Stopwatch.StartNew();
            LinkageInput input;
            LinkageConfig? config;
            try
            {
                config = parsed.GetValue(configFile) is { } path ? LinkageConfig.Load(path) : null;
                input = LinkageInput.Read(parsed.GetValue(inputs)!, config);
            }
            catch (LinkageInputException ex)
            {
                throw new UsageException(ex.Message);
            }

            foreach (var column in input.IgnoredColumns)
            {
                error.WriteLine($"Not compared (not a standard identity column): {column}");
            }

            var options = config?.ApplyTo(new LinkageOptions()) ?? new LinkageOptions();
            if (parsed.GetValue(oneToOne) is { } assignment)
            {
                options = options with { OneToOne = LinkageConfig.ParseOneToOne(assignment)!.Value };
            }

            if (options.OneToOne == OneToOne.Optimal && input.Sources.Count != 2)
            {
                throw new UsageException($"Optimal one-to-one assignment pairs exactly two files; {input.Sources.Count} were given. Use --one-to-one greedy for three or more.");
            }

            if (parsed.GetValue(threshold) is { } chosen)
            {
                if (chosen is <= 0 or >= 1)
                {
                    throw new UsageException($"--threshold must be a probability between 0 and 1, e.g. 0.9 (got {chosen.ToString(CultureInfo.InvariantCulture)}).");
                }

                options = options with { MatchThreshold = chosen };
            }

            LinkConstraints? known = null;
            if (config?.Labels is { } labels)
            {
                try
                {
                    var pairs = LabelFile.Read(Path.Combine(config.Folder, labels), input);
                    known = new LinkConstraints { Confirmed = pairs, LabelledMatches = pairs };
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Learning m from {pairs.Count:N0} labelled match(es)."));
                }
                catch (LinkageInputException ex)
                {
                    throw new UsageException(ex.Message);
                }
            }

            var read = clock.Elapsed;
            var result = LinkageEngine.Run(input.Records, options, known, new ProgressReporter(error), cancellationToken);
            var folder = parsed.GetValue(outDir)!;
            var writing = clock.Elapsed;
            LinkageOutput.Write(folder, input, result);
            var stages = result.Timings.Prepend((Stage: "read", Took: read)).Append((Stage: "write", Took: clock.Elapsed - writing));
            var persons = result.Cluster.Distinct().Count();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Linked {result.Count:N0} record(s) from {input.Sources.Count} source(s) into {persons:N0} person(s); {result.Blocking.ComparedPairs:N0} pairs compared, {result.Pairs.Count:N0} reported. Written to {Path.GetFullPath(folder)}"));
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Done in {clock.Elapsed.TotalSeconds:0.00} s ({string.Join(", ", stages.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Stage} {t.Took.TotalSeconds:0.00} s")))})."));
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command EvaluateCommand(TextWriter output)
    {
        var clusters = new Option<string>("--clusters") { Description = "clusters.csv from 'tessera linkage run' (source,record_id,person_id).", Required = true };
        var truth = new Option<string>("--truth") { Description = "The true persons, with columns source,record_id,person_id (as the synthetic county's truth/records.csv).", Required = true };
        var families = new Option<string?>("--families") { Description = "families.csv from 'tessera link --out' (person_id_a,person_id_b,relation); needs --relationships." };
        var relationships = new Option<string?>("--relationships") { Description = "The true family links (the synthetic county's truth/relationships.csv)." };
        var command = new Command("evaluate", "Pairwise precision, recall and F1 of a clustering against the truth, within and across sources, persons found exactly, and optionally family links.")
        {
            clusters, truth, families, relationships,
        };
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(families) is null != parsed.GetValue(relationships) is null)
            {
                throw new UsageException("--families and --relationships go together: the found family links and the true ones.");
            }

            try
            {
                var found = PersonFile.Read(parsed.GetValue(clusters)!);
                var truePersons = PersonFile.Read(parsed.GetValue(truth)!);
                Print(output, LinkageEvaluation.Of(found, truePersons));
                if (parsed.GetValue(families) is { } familiesFile)
                {
                    Print(output, FamilyEvaluation.Of(RelationshipFile.Read(familiesFile), found, truePersons, RelationshipFile.Read(parsed.GetValue(relationships)!)));
                }
            }
            catch (LinkageInputException ex)
            {
                throw new UsageException(ex.Message);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(TextWriter output, FamilyEvaluation e)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{"family links",-15} {"precision",9} {"recall",9} {"F1",9} {"true",12} {"found",12} {"correct",12}"));
        foreach (var (name, counts) in new[] { ("all", e.Links) }.Concat(e.ByRelation.Select(r => (r.Key.ToString().ToLowerInvariant(), r.Value))))
        {
            output.WriteLine(string.Create(c, $"{name,-15} {counts.Precision,9:0.0000} {counts.Recall,9:0.0000} {counts.F1,9:0.0000} {counts.TruePairs,12:N0} {counts.PredictedPairs,12:N0} {counts.CorrectPairs,12:N0}"));
        }

        output.WriteLine(string.Create(c, $"{e.TrueLinksOutsideData:N0} true link(s) involve a person with no record in the data and were left out."));
    }

    private static void Print(TextWriter output, LinkageEvaluation e)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{"pairs",-15} {"precision",9} {"recall",9} {"F1",9} {"true",12} {"predicted",12} {"correct",12}"));
        foreach (var (name, counts) in new[] { ("all", e.All), ("within sources", e.WithinSources), ("across sources", e.AcrossSources) })
        {
            output.WriteLine(string.Create(c, $"{name,-15} {counts.Precision,9:0.0000} {counts.Recall,9:0.0000} {counts.F1,9:0.0000} {counts.TruePairs,12:N0} {counts.PredictedPairs,12:N0} {counts.CorrectPairs,12:N0}"));
        }

        output.WriteLine(string.Create(c,
            $"persons: {e.TruePersons:N0} true, {e.PredictedPersons:N0} found, {e.ExactPersons:N0} found exactly (precision {e.ExactPersons / (double)Math.Max(1, e.PredictedPersons):0.0000}, recall {e.ExactPersons / (double)Math.Max(1, e.TruePersons):0.0000}); {e.Records:N0} records evaluated"));
        if (e.RecordsMissingFromTruth > 0)
        {
            output.WriteLine(string.Create(c, $"{e.RecordsMissingFromTruth:N0} records of the clusters file have no row in the truth file and were left out."));
        }
    }
}
