using System.Globalization;
using System.IO.Compression;
using System.Text;
using Tessera.Intake.Hmis;
using Tessera.Synthetic.Effects;
using Tessera.Synthetic.Noise;
using Tessera.Synthetic.Output;
using Tessera.Synthetic.Population;
using Tessera.Synthetic.Sources;

namespace Tessera.Synthetic;

/// <summary>
/// Generates the synthetic county: households in independent chunks (in parallel, each from its
/// own random streams), then every source's monthly deliveries and the truth, written in chunk
/// order so the output is byte-identical for a seed whatever the number of cores.
/// </summary>
public sealed class CountyGenerator
{
    private const int HouseholdsPerChunk = 2048;
    private readonly SynthOptions _options;

    /// <summary>Validates <paramref name="options"/>; throws <see cref="ArgumentException"/> naming the bad option.</summary>
    public CountyGenerator(SynthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>
    /// Writes the county under <paramref name="outputDirectory"/>, which must be empty or absent
    /// (else <see cref="OutputFolderUnusableException"/>).
    /// Output goes to a sibling temporary folder first and is moved into place at the end, so a
    /// failed or interrupted run never leaves a half-written county behind.
    /// </summary>
    public SynthSummary Generate(string outputDirectory, IProgress<SynthProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(outputDirectory);
        if (File.Exists(target))
        {
            throw new OutputFolderUnusableException($"'{outputDirectory}' is a file, not a folder.");
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new OutputFolderUnusableException($"The output folder '{outputDirectory}' is not empty. Choose a new folder, or empty this one first.");
        }

        var staging = target.TrimEnd(Path.DirectorySeparatorChar) + ".partial-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        try
        {
            var summary = GenerateInto(staging, progress, cancellationToken);
            if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }

            Directory.Move(staging, target);
            return summary;
        }
        catch
        {
            Directory.Delete(staging, recursive: true);
            throw;
        }
    }

    private SynthSummary GenerateInto(string root, IProgress<SynthProgress>? progress, CancellationToken cancellationToken)
    {
        var builder = new PopulationBuilder(_options);
        var plans = PlanHouseholds(builder);
        var chunkCount = (plans.Count + HouseholdsPerChunk - 1) / HouseholdsPerChunk;
        var ids = new RecordIds(_options.Seed);
        var noise = new IdentityNoise(_options);
        var chunks = new ChunkContext[chunkCount];
        var done = 0;
        progress?.Report(new SynthProgress("Generating households", 0, chunkCount));
        Parallel.For(0, chunkCount, new ParallelOptions { CancellationToken = cancellationToken }, c =>
        {
            var ctx = new ChunkContext(_options, ids, noise);
            var end = Math.Min(plans.Count, (c + 1) * HouseholdsPerChunk);
            for (var h = c * HouseholdsPerChunk; h < end; h++)
            {
                var (firstPerson, plan) = plans[h];
                var household = builder.Build(h, firstPerson, plan);
                GenerateHousehold(household, ctx);
            }

            chunks[c] = ctx;
            progress?.Report(new SynthProgress("Generating households", Interlocked.Increment(ref done), chunkCount));
        });

        var tally = new EffectTally();
        foreach (var chunk in chunks)
        {
            tally.Merge(chunk.Tally);
        }

        var files = WriteDeliveries(root, chunks, progress, cancellationToken);
        var records = WriteTruth(root, chunks, tally);
        File.WriteAllText(Path.Combine(root, CountyProviders.FileName), CountyProviders.Yaml(), new UTF8Encoding(false));
        return new SynthSummary(_options.People, plans.Count, records, files);
    }

    private List<(int FirstPerson, HouseholdPlan Plan)> PlanHouseholds(PopulationBuilder builder)
    {
        var plans = new List<(int, HouseholdPlan)>(_options.People / 2);
        var people = 0;
        for (var h = 0; people < _options.People; h++)
        {
            var plan = builder.Plan(h);
            if (people + plan.Size > _options.People)
            {
                plan = HouseholdPlan.Single;
            }

            plans.Add((people, plan));
            people += plan.Size;
        }

        return plans;
    }

    private static void GenerateHousehold(Household household, ChunkContext ctx)
    {
        // Order matters: later agencies react to what earlier ones recorded (prison → training,
        // benefits → child care, training and subsidies → wages).
        CorrectionsSource.Generate(household, ctx);
        BenefitsSource.Generate(household, ctx);
        WorkforceSource.Generate(household, ctx);
        ChildCareSource.Generate(household, ctx);
        WagesSource.Generate(household, ctx);
        ChildWelfareSource.Generate(household, ctx);
        HomelessnessSource.Generate(household, ctx);
        WritePeople(household, ctx);
    }

    private static void WritePeople(Household household, ChunkContext ctx)
    {
        foreach (var person in household.Members)
        {
            ctx.Truth.Persons.F(person.PersonId).F(household.HouseholdId).F(person.Role.ToString().ToLowerInvariant()).F(person.Given).F(person.Middle)
                .F(person.Family).F(person.BirthFamily).F(person.Suffix).F(person.Sex.ToString()).Date(person.BirthDate, "yyyy-MM-dd")
                .F(person.Ssn).F(person.Race.ToString()).F(person.Hispanic ? "Y" : "N").End();
            foreach (var parent in new[] { person.Mother, person.Father })
            {
                if (parent is not null)
                {
                    ctx.Truth.Relationships.F(parent.PersonId).F(person.PersonId).F("parent").End();
                    ctx.Truth.Relationships.F(person.PersonId).F(parent.PersonId).F("child").End();
                }
            }
        }

        var members = household.Members;
        for (var i = 0; i < members.Count; i++)
        {
            for (var j = i + 1; j < members.Count; j++)
            {
                var (a, b) = (members[i], members[j]);
                if ((a.Role, b.Role) is (HouseholdRole.Head, HouseholdRole.Partner))
                {
                    ctx.Truth.Relationships.F(a.PersonId).F(b.PersonId).F("partner").End();
                }
                else if (a.Role == HouseholdRole.Child && b.Role == HouseholdRole.Child)
                {
                    ctx.Truth.Relationships.F(a.PersonId).F(b.PersonId).F("sibling").End();
                }
            }
        }
    }

    private int WriteDeliveries(string root, ChunkContext[] chunks, IProgress<SynthProgress>? progress, CancellationToken cancellationToken)
    {
        var descriptors = new DeliverySink(_options);
        for (var m = 0; m < _options.Months; m++)
        {
            HmisProjects.WriteDescriptors(descriptors, _options, m);
        }

        var files = 0;
        var step = 0;
        var steps = _options.Months * SourceLayout.Sources.Count;
        for (var m = 0; m < _options.Months; m++)
        {
            var month = _options.Start.AddMonths(m).ToString();
            foreach (var source in SourceLayout.Sources)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var folder = Path.Combine(root, source, month);
                Directory.CreateDirectory(folder);
                if (source == SourceLayout.Homelessness)
                {
                    WriteHmisZip(Path.Combine(folder, $"hmis_export_{month}.zip"), m, descriptors, chunks);
                    files++;
                }
                else
                {
                    foreach (var (file, columns) in SourceLayout.MonthlyFiles[source])
                    {
                        WriteCsv(Path.Combine(folder, file), columns, chunks.Select(c => Buffer(c.Sink, source, m, file)));
                        files++;
                    }

                    if (source == SourceLayout.Workforce && chunks.Any(c => c.Sink.Files.ContainsKey((source, m, SourceLayout.Wages.File))))
                    {
                        WriteCsv(Path.Combine(folder, SourceLayout.Wages.File), SourceLayout.Wages.Columns, chunks.Select(c => Buffer(c.Sink, source, m, SourceLayout.Wages.File)));
                        files++;
                    }
                }

                progress?.Report(new SynthProgress("Writing deliveries", ++step, steps));
            }

            // Each job-training provider sends its own service records (attendance, contacts) every month.
            foreach (var provider in Planted.TrainingProviders)
            {
                var key = ProviderServicesSource.Folder(provider.Id);
                var folder = Path.Combine(root, ProviderServicesSource.Name, provider.Id, month);
                Directory.CreateDirectory(folder);
                foreach (var (file, columns) in ProviderServicesSource.Files)
                {
                    WriteCsv(Path.Combine(folder, file), columns, chunks.Select(c => Buffer(c.Sink, key, m, file)));
                    files++;
                }
            }
        }

        return files;
    }

    private void WriteHmisZip(string path, int month, DeliverySink descriptors, ChunkContext[] chunks)
    {
        var stamp = new DateTimeOffset(_options.Start.AddMonths(month).LastDay.AddDays(1).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
        foreach (var file in HmisCsvFy2024.Files)
        {
            var entry = zip.CreateEntry(file.Name, CompressionLevel.Fastest);
            entry.LastWriteTime = stamp;
            using var entryStream = entry.Open();
            entryStream.Write(CsvBuffer.Header(file.Columns));
            var own = Buffer(descriptors, SourceLayout.Homelessness, month, file.Name);
            entryStream.Write(own.Span);
            foreach (var chunk in chunks)
            {
                entryStream.Write(Buffer(chunk.Sink, SourceLayout.Homelessness, month, file.Name).Span);
            }
        }
    }

    private static ReadOnlyMemory<byte> Buffer(DeliverySink sink, string source, int month, string file) =>
        sink.Files.TryGetValue((source, month, file), out var buffer) ? buffer.Written : ReadOnlyMemory<byte>.Empty;

    private static void WriteCsv(string path, IReadOnlyList<string> columns, IEnumerable<ReadOnlyMemory<byte>> parts)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        stream.Write(CsvBuffer.Header(columns));
        foreach (var part in parts)
        {
            stream.Write(part.Span);
        }
    }

    private long WriteTruth(string root, ChunkContext[] chunks, EffectTally tally)
    {
        var truth = Path.Combine(root, "truth");
        Directory.CreateDirectory(truth);
        WriteCsv(Path.Combine(truth, "records.csv"), ["source", "record_id", "person_id"], chunks.Select(c => c.Truth.Records.Written));
        WriteCsv(Path.Combine(truth, "relationships.csv"), ["person_id_a", "person_id_b", "relation"], chunks.Select(c => c.Truth.Relationships.Written));
        WriteCsv(Path.Combine(truth, "persons.csv"),
            ["person_id", "household_id", "household_role", "given_name", "middle_name", "family_name", "birth_family_name", "suffix", "sex", "birth_date", "ssn", "race", "hispanic"],
            chunks.Select(c => c.Truth.Persons.Written));
        File.WriteAllText(Path.Combine(truth, "effects.json"), EffectsReport.Json(_options, tally), new UTF8Encoding(false));
        return chunks.Sum(c => (long)c.Truth.Records.Rows);
    }
}

/// <summary>What one run produced.</summary>
/// <param name="People">Persons in the county.</param>
/// <param name="Households">Households in the county.</param>
/// <param name="SourceRecords">Person records across all sources (rows of truth/records.csv).</param>
/// <param name="DeliveryFiles">Files written under the source folders.</param>
public sealed record SynthSummary(int People, int Households, long SourceRecords, int DeliveryFiles);

/// <summary>Progress of a run: which stage, and how far through it.</summary>
public sealed record SynthProgress(string Stage, int Done, int Total);
