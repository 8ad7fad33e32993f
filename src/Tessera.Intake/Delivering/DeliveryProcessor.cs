using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tessera.Core.Time;
using Tessera.Governance.Keys;
using Tessera.Intake.Dictionaries;
using Tessera.Intake.Hmis;
using Tessera.Intake.Quality;
using Tessera.Intake.Reading;
using Tessera.Intake.Validation;

namespace Tessera.Intake.Delivering;

/// <summary>
/// Ingests one delivery: resolves its files, picks the dictionary, fingerprints the content
/// (an identical re-delivery changes nothing), validates and stores every row with identifiers
/// encrypted, runs the whole-delivery checks, profiles quality, and commits — or rejects the
/// delivery as a whole, leaving the workspace as it was.
/// </summary>
public sealed class DeliveryProcessor(IDeliveryStore store, IRawArchive archive, Func<string, DataKey> dataKeyOf, TimeProvider clock)
{
    /// <summary>JSON options for quality reports.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Called at the named steps of the commit protocol; tests use it to kill the process there.</summary>
    public Action<string>? FaultPoint { get; init; }

    /// <summary>Keys the blind-index columns (e.g. "_ssn_index"); without it they stay empty.</summary>
    public BlindIndex? BlindIndex { get; init; }

    /// <summary>
    /// The earliest month a delivery may cover (the workspace's <c>earliest_period</c>). With the
    /// current month plus one as the latest, it keeps a mistyped period such as 0001-01 or 9999-12
    /// out of the ledger, where a far-future month would stay "latest" for ever.
    /// </summary>
    public YearMonth EarliestPeriod { get; init; } = DefaultEarliestPeriod;

    /// <summary>The earliest period of a workspace that does not set one: January 2000.</summary>
    public static readonly YearMonth DefaultEarliestPeriod = new(2000, 1);

    /// <summary>Ingests <paramref name="request"/>, reading it with <paramref name="dictionaries"/> (one, or every supported HMIS version).</summary>
    public DeliveryOutcome Ingest(DeliveryRequest request, IReadOnlyList<SourceDictionary> dictionaries, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(dictionaries);
        var received = clock.GetUtcNow().UtcDateTime;
        Plan plan;
        try
        {
            progress?.Report(new IngestProgress("Checking", null, 0, 0));
            plan = Prepare(request, dictionaries, YearMonth.Of(DateOnly.FromDateTime(received)));
        }
        catch (DeliveryRejectedException ex)
        {
            return Reject(request, null, received, ex.Message, [], 0, 0);
        }

        var existing = store.FindAccepted(request.Source, plan.ContentHash, request.Provider);
        if (existing is not null)
        {
            return new DeliveryOutcome
            {
                Status = DeliveryOutcome.Duplicate, DeliveryId = existing.Id, Source = request.Source, Period = existing.PeriodLabel,
                RowsRead = existing.RowsRead, RowsAccepted = existing.RowsAccepted, RowsQuarantined = existing.RowsQuarantined,
            };
        }

        store.EnsureTables(request.Source, plan.Layouts.Values.ToList(), plan.Dictionary.IsHmis);
        return Write(request, plan, received, progress, cancellationToken);
    }

    private DeliveryOutcome Write(DeliveryRequest request, Plan plan, DateTime received, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var dictionary = plan.Dictionary;
        var today = DateOnly.FromDateTime(received);
        var dataKey = dataKeyOf(request.Source);
        using var cipher = new FieldCipher(dataKey);
        using var writer = store.Begin(request.Source);
        var quarantine = new QuarantineBuffer(writer.Quarantine);
        var report = new QualityReport
        {
            DeliveryId = writer.DeliveryId, Source = request.Source, Period = plan.PeriodLabel,
            Dictionary = $"{DictionaryName(dictionary)} v{dictionary.Version}", ReceivedUtc = received,
        };
        if (plan.Note is not null)
        {
            report.Notes.Add(plan.Note);
        }

        // The encrypted copy is written while the rows are read; it is awaited before the commit.
        var keeping = Task.Run(() =>
        {
            FaultPoint?.Invoke("before-raw-copy");
            archive.Keep(request.Source, plan.ContentHash, plan.Files.Select(f => f.Delivered).ToList());
        }, cancellationToken);
        long rowsRead = 0, quarantinedRows = 0;
        var maybeRepeated = new HashSet<string>(StringComparer.Ordinal);
        var totalBytes = Math.Max(1, plan.Files.Sum(f => f.Delivered.Length));
        long doneBytes = 0;
        try
        {
            foreach (var (delivered, definition, scan) in plan.Files)
            {
                using var ingestor = new FileIngestor(dictionary, definition, plan.Layouts[definition.Name], cipher, dataKey, today, plan.PeriodEnd, BlindIndex);
                var layout = plan.Layouts[definition.Name];
                var sinks = Enumerable.Range(0, writer.AppendThreads).Select(_ => writer.Rows(layout)).ToList();
                try
                {
                    using var rows = OpenRows(delivered, scan);
                    var before = doneBytes;
                    ingestor.Ingest(delivered, rows, sinks, quarantine, (n, fraction) =>
                        progress?.Report(new IngestProgress("Reading", delivered.Name, (before + (fraction * delivered.Length)) / totalBytes, rowsRead + n)), cancellationToken);
                }
                finally
                {
                    sinks.ForEach(sink => sink.Dispose());
                }

                doneBytes += delivered.Length;
                rowsRead += ingestor.RowsRead;
                quarantinedRows += ingestor.RowsQuarantined;
                report.Files.Add(ingestor.Profile(delivered, scan));
                if (ingestor.MaybeRepeatedKeys)
                {
                    maybeRepeated.Add(definition.Name);
                }
                if (ingestor.RowsRead == 0)
                {
                    report.Notes.Add($"{delivered.Name} has a header but no rows.");
                }
                progress?.Report(new IngestProgress("Reading", delivered.Name, (double)doneBytes / totalBytes, rowsRead));
            }

            progress?.Report(new IngestProgress("Checking keys and references", null, 1, rowsRead));
            var maxShare = request.MaxErrorShare ?? dictionary.MaxErrorShare;
            var rejection = TooManyErrors(quarantinedRows, rowsRead, maxShare, quarantine)
                ?? WholeDeliveryChecks(request.Source, plan, writer, quarantine, report, maybeRepeated, ref quarantinedRows);
            rejection ??= TooManyErrors(quarantinedRows, rowsRead, maxShare, quarantine);
            quarantine.Flush();

            if (rejection is not null)
            {
                writer.Dispose();
                Abandon(keeping, request.Source, plan.ContentHash);
                return Reject(request, plan, received, rejection, quarantine.First, rowsRead, quarantinedRows);
            }

            var accepted = rowsRead - quarantinedRows;
            report.RowsRead = rowsRead;
            report.RowsAccepted = accepted;
            report.RowsQuarantined = quarantinedRows;
            if (store.LatestCurrent(request.Source, request.Provider) is { QualityJson: { } previousJson } previous)
            {
                var before = JsonSerializer.Deserialize<QualityReport>(previousJson, JsonOptions)!;
                report.ComparedWithDeliveryId = previous.Id;
                report.Drift = DriftComparer.Compare(report, before);
            }

            var superseded = store.Superseded(request.Source, plan.PeriodStart, plan.PeriodEnd, plan.FullRefresh, request.Provider);
            var entry = new DeliveryLedgerEntry
            {
                Id = writer.DeliveryId, Source = request.Source, Provider = request.Provider, PeriodStart = plan.PeriodStart, PeriodEnd = plan.PeriodEnd,
                PeriodLabel = plan.PeriodLabel, ContentHash = plan.ContentHash, Status = "current", Dictionary = report.Dictionary,
                FullRefresh = plan.FullRefresh, ReceivedUtc = received, RowsRead = rowsRead, RowsAccepted = accepted,
                RowsQuarantined = quarantinedRows, QualityJson = JsonSerializer.Serialize(report, JsonOptions),
                Files = string.Join(", ", plan.Files.Select(f => f.Delivered.Name)),
            };
            progress?.Report(new IngestProgress("Keeping an encrypted copy", null, 1, rowsRead));
            keeping.GetAwaiter().GetResult();
            FaultPoint?.Invoke("before-commit");
            progress?.Report(new IngestProgress("Committing", null, 1, rowsRead));
            writer.Commit(entry, superseded);
            FaultPoint?.Invoke("after-commit");
            return new DeliveryOutcome
            {
                Status = DeliveryOutcome.Accepted, DeliveryId = writer.DeliveryId, Source = request.Source, Period = plan.PeriodLabel,
                RowsRead = rowsRead, RowsAccepted = accepted, RowsQuarantined = quarantinedRows, Superseded = superseded,
            };
        }
        catch (DeliveryRejectedException ex)
        {
            writer.Dispose();
            Abandon(keeping, request.Source, plan.ContentHash);
            return Reject(request, plan, received, ex.Message, quarantine.First, rowsRead, quarantinedRows);
        }
        catch
        {
            // Whatever failed (a bug, a full disk, a cancelled upload), nothing of this delivery stays behind.
            writer.Dispose();
            Abandon(keeping, request.Source, plan.ContentHash);
            throw;
        }
    }

    private string? WholeDeliveryChecks(string source, Plan plan, IDeliveryWriter writer, QuarantineBuffer quarantine, QualityReport report, HashSet<string> maybeRepeated, ref long quarantinedRows)
    {
        var id = writer.DeliveryId;
        foreach (var (delivered, definition, _) in plan.Files)
        {
            var table = plan.Layouts[definition.Name];
            var profile = report.Files.Single(p => p.File == definition.Name);
            if (table.PrimaryKey.Count > 0 && maybeRepeated.Contains(definition.Name) && writer.Count(DeliverySql.CountRepeatedKeys(table, id)) > 0)
            {
                var duplicates = writer.Query(DeliverySql.DuplicateKeys(table, id));
                if (duplicates.Count > 0)
                {
                    foreach (var (row, key) in duplicates)
                    {
                        quarantine.Add(new QuarantineEntry(delivered.Name, row, string.Join("+", definition.PrimaryKey), RuleBroken.DuplicateKey,
                            "a primary key that occurs once in the delivery", key, null));
                    }

                    writer.Execute(DeliverySql.DeleteDuplicateKeys(table, id));
                    profile.DuplicateKeyRows = duplicates.Count;
                    profile.RowsAccepted -= duplicates.Count;
                    profile.RowsQuarantined += duplicates.Count;
                    quarantinedRows += duplicates.Count;
                }
            }

            foreach (var reference in definition.References)
            {
                var target = plan.Dictionary.File(reference.File)!;
                var to = (reference.To.Count > 0 ? reference.To : target.PrimaryKey).Select(TableLayout.ColumnName).ToList();
                var fields = reference.Fields.Select(TableLayout.ColumnName).ToList();
                var targetTable = plan.Layouts.TryGetValue(target.Name, out var delivered2) ? delivered2 : TableLayout.For(source, [target]);
                var dangling = writer.Count(DeliverySql.CountDanglingReferences(table, targetTable, fields, to, id));
                if (dangling == 0)
                {
                    continue;
                }

                var description = $"{definition.Name}.{string.Join("+", reference.Fields)} names a {target.Name} row that has not been delivered";
                profile.Consistency.Add(new ConsistencyFinding { Check = "reference:" + target.Name, Description = description, Rows = dangling });
                var examples = writer.Query(DeliverySql.DanglingReferences(table, targetTable, fields, to, id, reference.OnMissing == "quarantine" ? QuarantineBuffer.MaxStored : 5));
                if (reference.OnMissing == "reject")
                {
                    return string.Create(CultureInfo.InvariantCulture,
                        $"{delivered.Name}: {dangling:N0} row(s) refer to {target.Name} rows that are neither in this delivery nor delivered before (broken cross-file reference), e.g. row {examples[0].Row}, column {string.Join("+", reference.Fields)}; expected every {string.Join("+", reference.Fields)} to name a {target.Name}.{string.Join("+", reference.To.Count > 0 ? reference.To : target.PrimaryKey)}.");
                }

                if (reference.OnMissing == "quarantine")
                {
                    foreach (var (row, key) in examples)
                    {
                        quarantine.Add(new QuarantineEntry(delivered.Name, row, string.Join("+", reference.Fields), RuleBroken.Reference, $"a {target.Name} delivered now or before", key, null));
                    }

                    writer.Execute(DeliverySql.DeleteDanglingReferences(table, targetTable, fields, to, id));
                    profile.RowsAccepted -= dangling;
                    profile.RowsQuarantined += dangling;
                    quarantinedRows += dangling;
                }
            }

            foreach (var check in definition.Checks)
            {
                if (check.Missing is { } missing)
                {
                    // Counted while reading: an encrypted field has no plaintext column to query.
                    var field = profile.Fields.Single(f => f.Field == missing);
                    profile.Consistency.Add(new ConsistencyFinding { Check = check.Name, Description = check.Description, Rows = field.Rows - field.Filled });
                    continue;
                }

                var hits = writer.Count(DeliverySql.CountCheck(plan.Dictionary, definition, check, name => plan.Layouts.TryGetValue(name, out var layout) ? layout : TableLayout.For(source, [plan.Dictionary.File(name)!]), id));
                profile.Consistency.Add(new ConsistencyFinding { Check = check.Name, Description = check.Description, Rows = hits });
            }
        }

        return null;
    }

    private DeliveryOutcome Reject(DeliveryRequest request, Plan? plan, DateTime received, string reason, IReadOnlyList<QuarantineEntry> problems, long rowsRead, long quarantined)
    {
        var entry = new DeliveryLedgerEntry
        {
            Id = 0, Source = request.Source, Provider = request.Provider, PeriodStart = plan?.PeriodStart ?? default, PeriodEnd = plan?.PeriodEnd ?? default,
            PeriodLabel = plan?.PeriodLabel ?? "", ContentHash = plan?.ContentHash ?? "", Status = "rejected", StatusReason = reason,
            Dictionary = plan is null ? "" : $"{DictionaryName(plan.Dictionary)} v{plan.Dictionary.Version}", ReceivedUtc = received,
            RowsRead = rowsRead, RowsQuarantined = quarantined, Files = plan is null ? "" : string.Join(", ", plan.Files.Select(f => f.Delivered.Name)),
        };
        var id = TryRecordRejection(entry, problems);
        return new DeliveryOutcome
        {
            Status = DeliveryOutcome.Rejected, DeliveryId = id, Source = request.Source, Period = plan?.PeriodLabel,
            RowsRead = rowsRead, RowsAccepted = 0, RowsQuarantined = quarantined, RejectionReason = reason,
        };
    }

    private long TryRecordRejection(DeliveryLedgerEntry entry, IReadOnlyList<QuarantineEntry> problems)
    {
        using var writer = store.Begin(entry.Source);
        writer.Quarantine(problems.Take(1_000).ToList());
        writer.Commit(entry with { Id = writer.DeliveryId }, []);
        return writer.DeliveryId;
    }

    private void Abandon(Task keeping, string source, string contentHash)
    {
        try
        {
            keeping.GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            // Nothing usable was kept; whatever is left is swept when the workspace is next opened.
        }

        archive.Discard(source, contentHash);
    }

    private static string? TooManyErrors(long quarantinedRows, long rowsRead, double maxShare, QuarantineBuffer quarantine) =>
        rowsRead > 0 && (double)quarantinedRows / rowsRead > maxShare
            ? string.Create(CultureInfo.InvariantCulture,
                $"{quarantinedRows:N0} of {rowsRead:N0} rows ({(double)quarantinedRows / rowsRead:P1}) failed validation, more than the {maxShare:P0} allowed. First problems: {Describe(quarantine.First)}")
            : null;

    private static string Describe(IReadOnlyList<QuarantineEntry> entries) =>
        string.Join("; ", entries.Take(5).Select(e => $"{e.File} row {e.Row}, column {e.Column}: expected {e.Expected}" + (e.PlainValue is { Length: > 0 } v ? $", found '{v}'" : e.SealedValue is null ? ", found nothing" : " (value hidden: identifier)")));

    private static string DictionaryName(SourceDictionary dictionary) =>
        dictionary.IsHmis ? dictionary.Title.Replace("HUD HMIS CSV ", "hmis-", StringComparison.Ordinal).ToLowerInvariant() : dictionary.Source;

    private static IRowSource OpenRows(DeliveryFile delivered, FileScan scan) =>
        delivered.IsParquet ? ParquetRowSource.Open(delivered) : CsvRowSource.Open(delivered, scan.Encoding);

    private Plan Prepare(DeliveryRequest request, IReadOnlyList<SourceDictionary> dictionaries, YearMonth now)
    {
        var files = request.Files ?? DeliveryInput.Resolve(request.Paths, displayRoot: request.DisplayRoot);
        var latest = now.AddMonths(1);
        SourceDictionary dictionary;
        DateOnly start, end;
        string label;
        var fullRefresh = false;
        string? note = null;
        if (dictionaries[0].IsHmis)
        {
            var export = HmisExport.Identify(files, dictionaries);
            (dictionary, start, end, fullRefresh, note) = (export.Dictionary, export.Start, export.End, export.FullRefresh, export.Note);
            label = string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd} to {end:yyyy-MM-dd}");
            if (YearMonth.Of(end) > latest || YearMonth.Of(end) < EarliestPeriod)
            {
                throw new DeliveryRejectedException(string.Create(CultureInfo.InvariantCulture,
                    $"Export.csv: the export ends on {end:yyyy-MM-dd}, outside the months this workspace accepts ({EarliestPeriod} to {latest}); check ExportEndDate."));
            }
        }
        else
        {
            dictionary = dictionaries[0];
            if (dictionary.IsDeliveredByProviders != request.Provider is not null)
            {
                throw new DeliveryRejectedException(request.Provider is null
                    ? $"{request.Source} is delivered by providers, each its own rows: say which provider sends it (--provider ID)."
                    : $"{request.Source} is an agency's source, not one providers deliver; send it without a provider.");
            }

            if (request.Provider is { } provider)
            {
                dictionary = dictionary.DeliveredBy(provider);
            }

            YearMonth month;
            if (request.Period is { } period)
            {
                if (!YearMonth.TryParse(period, out month))
                {
                    throw new DeliveryRejectedException($"--period '{period}' is not a month written YYYY-MM (e.g. 2024-06).");
                }
            }
            else
            {
                month = DeliveryInput.PeriodFromFolders(request.Paths)
                    ?? throw new DeliveryRejectedException("Say which month the delivery covers with --period YYYY-MM (it could not be read from a YYYY-MM folder name).");
            }

            var named = request.Period is null ? $"The folder name {month}" : $"--period {month}";
            if (month > latest)
            {
                throw new DeliveryRejectedException($"{named} is after {latest}: a delivery covers a month that has begun (or next month, for an extract sent ahead). Check the period.");
            }

            if (month < EarliestPeriod)
            {
                throw new DeliveryRejectedException($"{named} is before {EarliestPeriod}, the earliest month this workspace accepts (earliest_period in tessera-workspace.json). Check the period.");
            }

            (start, end, label) = (month.FirstDay, month.LastDay, month.ToString());
        }

        var mapped = new List<(DeliveryFile, FileDefinition)>();
        foreach (var file in files)
        {
            var definition = dictionary.File(file.Stem) ?? throw new DeliveryRejectedException(
                $"{file.DisplayPath} is not a file of {dictionary.Source} (expected {string.Join(", ", dictionary.Files.Select(f => f.Name))}); wrong file set.");
            if (!file.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !file.IsParquet)
            {
                throw new DeliveryRejectedException($"{file.DisplayPath}: expected a .csv or .parquet file.");
            }

            mapped.Add((file, definition));
        }

        var missing = dictionary.Files.Where(d => d.Required && !mapped.Any(m => m.Item2 == d)).Select(d => d.Name).ToList();
        if (missing.Count > 0)
        {
            throw new DeliveryRejectedException($"The delivery lacks required file(s) {string.Join(", ", missing.Select(m => m + ".csv"))} of {dictionary.Source}; wrong file set.");
        }

        var ordered = mapped.OrderBy(m => dictionary.Files.IndexOf(m.Item2)).ToList();
        var scanned = ordered.Select(m => (m.Item1, m.Item2, FileScan.Of(m.Item1))).ToList();
        foreach (var (file, definition, scan) in scanned.Where(s => !s.Item1.IsParquet))
        {
            using var rows = CsvRowSource.Open(file, scan.Encoding);
            FileIngestor.MapHeader(request.Source, definition, file, rows.Header);
        }

        // The period is part of the content: two months with identical (e.g. header-only) files are two deliveries.
        var fingerprint = label + "\n" + string.Join("\n", scanned.Select(s => s.Item1.Name.ToLowerInvariant() + ":" + s.Item3.Sha256).Order(StringComparer.Ordinal));
        var contentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint)));
        var layouts = dictionary.Files.ToDictionary(
            f => f.Name,
            f => TableLayout.For(request.Source, dictionaries.Select(d => d.File(f.Name)).OfType<FileDefinition>().ToList()),
            StringComparer.Ordinal);
        return new Plan(dictionary, scanned, start, end, label, fullRefresh, contentHash, layouts, note);
    }

    private sealed record Plan(
        SourceDictionary Dictionary,
        IReadOnlyList<(DeliveryFile Delivered, FileDefinition Definition, FileScan Scan)> Files,
        DateOnly PeriodStart,
        DateOnly PeriodEnd,
        string PeriodLabel,
        bool FullRefresh,
        string ContentHash,
        Dictionary<string, TableLayout> Layouts,
        string? Note);
}
