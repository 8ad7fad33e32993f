using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Tessera.Cli.Console;
using Tessera.Core.Time;
using Tessera.Synthetic;

namespace Tessera.Cli.Commands;

/// <summary><c>tessera synth</c>: writes a synthetic county's monthly deliveries and truth to a folder.</summary>
public static class SynthCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var people = new Option<int>("--people") { Description = "Number of people in the county, e.g. 100000.", Required = true };
        var seed = new Option<long>("--seed") { Description = "Random seed; the same seed gives byte-identical output.", DefaultValueFactory = _ => 1 };
        var months = new Option<int>("--months") { Description = "Number of monthly deliveries per source.", DefaultValueFactory = _ => 36 };
        var start = new Option<string>("--start") { Description = "First delivery month, as YYYY-MM.", DefaultValueFactory = _ => "2023-01" };
        var outDir = new Option<string>("--out") { Description = "Folder to write into; must be new or empty.", Required = true };
        var nameErrors = Rate("--name-error-rate", "Share of person records with a name typo or nickname.", 0.05);
        var dobErrors = Rate("--birth-date-error-rate", "Share of person records with a wrong birth date.", 0.03);
        var missingSsn = Rate("--missing-ssn-rate", "Share of adult person records with no SSN (children are missing more often).", 0.20);
        var placeholderSsn = Rate("--placeholder-ssn-rate", "Share of person records with a placeholder SSN such as 000-00-0000.", 0.02);
        var duplicates = Rate("--duplicate-rate", "Share of persons registered twice within benefits and within HMIS.", 0.05);

        var command = new Command("synth", "Generate a synthetic county: one folder per agency with one folder per monthly delivery, and the truth under truth/.")
        {
            people, seed, months, start, outDir, nameErrors, dobErrors, missingSsn, placeholderSsn, duplicates,
        };
        command.SetAction((parsed, cancellationToken) =>
        {
            if (!YearMonth.TryParse(parsed.GetValue(start), out var first))
            {
                throw new UsageException($"--start must be a month written YYYY-MM, e.g. 2023-01 (got '{parsed.GetValue(start)}').");
            }

            var options = new SynthOptions
            {
                People = parsed.GetValue(people),
                Seed = parsed.GetValue(seed),
                Months = parsed.GetValue(months),
                Start = first,
                NameErrorRate = parsed.GetValue(nameErrors),
                BirthDateErrorRate = parsed.GetValue(dobErrors),
                MissingSsnRate = parsed.GetValue(missingSsn),
                PlaceholderSsnRate = parsed.GetValue(placeholderSsn),
                DuplicateRate = parsed.GetValue(duplicates),
            };
            var summary = Run(options, parsed.GetValue(outDir)!, error, cancellationToken);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {summary.People:N0} people in {summary.Households:N0} households: {summary.SourceRecords:N0} person records in {summary.DeliveryFiles:N0} delivery files under {Path.GetFullPath(parsed.GetValue(outDir)!)}"));
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    /// <summary>Generates the county, turning invalid options and an unusable folder into <see cref="UsageException"/>.</summary>
    public static SynthSummary Run(SynthOptions options, string outputDirectory, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(error);
        CountyGenerator generator;
        try
        {
            generator = new CountyGenerator(options);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message);
        }

        var clock = Stopwatch.StartNew();
        SynthSummary summary;
        try
        {
            summary = generator.Generate(outputDirectory, new ProgressReporter(error), cancellationToken);
        }
        catch (OutputFolderUnusableException ex)
        {
            throw new UsageException(ex.Message);
        }

        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Done in {clock.Elapsed.TotalSeconds:0.0} s."));
        return summary;
    }

    private static Option<double> Rate(string name, string description, double value) =>
        new(name) { Description = description + string.Create(CultureInfo.InvariantCulture, $" Default {value}."), DefaultValueFactory = _ => value };
}
