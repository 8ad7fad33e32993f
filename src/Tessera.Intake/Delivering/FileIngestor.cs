using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text;
using Tessera.Governance.Keys;
using Tessera.Intake.Dictionaries;
using Tessera.Intake.Quality;
using Tessera.Intake.Reading;
using Tessera.Intake.Validation;

namespace Tessera.Intake.Delivering;

/// <summary>
/// Streams one delivered file through validation into its table: every field is checked against
/// the dictionary, direct identifiers are encrypted before they leave this class, invalid rows
/// go to quarantine, and completeness, validity, code frequencies and event lags are counted on
/// the way.
/// </summary>
internal sealed class FileIngestor : IDisposable
{
    private const int MaxRememberedDates = 100_000;

    private readonly FileDefinition _file;
    private readonly TableLayout _table;
    private readonly FieldValidator[] _validators;
    private readonly FieldTally[] _tallies;
    private readonly FieldCipher _cipher;
    private readonly DataKey _dataKey;
    private readonly List<FieldCipher> _storeCiphers = [];
    private readonly IdentifierEnvelopeWriter _envelope = new();

    private readonly byte[][] _aad;
    private readonly byte[] _rowAad;
    private readonly int[] _fieldOfColumn;
    private readonly int[] _encrypted;
    private readonly byte[][] _encryptedNames;
    private readonly int _identifiersColumn;
    private readonly byte[] _identifiersAad;
    private readonly LagHistogram? _lags;
    private readonly KeyFingerprints _keys;
    private readonly int _eventField = -1;

    private readonly BlindIndex? _blindIndex;

    public FileIngestor(SourceDictionary dictionary, FileDefinition file, TableLayout table, FieldCipher cipher, DataKey dataKey, DateOnly today, DateOnly periodEnd, BlindIndex? blindIndex = null)
    {
        _blindIndex = blindIndex;
        _dataKey = dataKey;
        _file = file;
        _table = table;
        _cipher = cipher;
        _validators = file.Fields.Select(f => new FieldValidator(f, today, dictionary.ReportInvalidCodes)).ToArray();
        _tallies = file.Fields.Select(f => new FieldTally(f.Name, f.Codes.Count > 0 && !f.IsEncrypted)).ToArray();
        _aad = file.Fields.Select(f => FieldCipher.Column(table.Source, table.CurrentView, TableLayout.ColumnName(f.Name))).ToArray();
        _rowAad = FieldCipher.Column(table.Source, table.CurrentView, "(row)");
        _fieldOfColumn = table.Columns.Select(c => c.Type == StoreType.Sealed ? -1 : file.Fields.FindIndex(f => string.Equals(f.Name, c.Field, StringComparison.OrdinalIgnoreCase))).ToArray();
        _encrypted = Enumerable.Range(0, file.Fields.Count).Where(i => file.Fields[i].IsEncrypted).ToArray();
        _encryptedNames = _encrypted.Select(i => Encoding.UTF8.GetBytes(TableLayout.ColumnName(file.Fields[i].Name))).ToArray();
        _identifiersColumn = table.Columns.ToList().FindIndex(c => c.Name == TableLayout.IdentifiersColumn);
        _identifiersAad = FieldCipher.Column(table.Source, table.CurrentView, TableLayout.IdentifiersColumn);
        var keyFields = file.PrimaryKey.Concat(file.LatestBy is { } latest ? [latest] : Array.Empty<string>())
            .Select(name => file.Fields.FindIndex(f => f.Name == name)).ToArray();
        _keys = new KeyFingerprints(keyFields);
        if (file.Events.FirstOrDefault() is { } first)
        {
            _eventField = file.Fields.FindIndex(f => f.Name == first.Date);
            _lags = new LagHistogram(first.Date, periodEnd.ToDateTime(TimeOnly.MinValue));
        }
    }

    public long RowsRead { get; private set; }

    public long RowsAccepted { get; private set; }

    public long RowsQuarantined { get; private set; }

    /// <summary>False when no two accepted rows can share a key, so the database need not check.</summary>
    public bool MaybeRepeatedKeys => _keys.MaybeRepeated;

    /// <summary>Maps the header onto the dictionary's fields; a missing or unknown column rejects the delivery.</summary>
    public static int[] MapHeader(string source, FileDefinition file, DeliveryFile delivered, IReadOnlyList<string> header)
    {
        var positions = header.Select((h, i) => (Name: h.Trim(), i)).ToDictionary(p => p.Name, p => p.i, StringComparer.OrdinalIgnoreCase);
        var missing = file.Fields.Where(f => !positions.ContainsKey(f.Name)).Select(f => f.Name).ToList();
        if (missing.Count > 0)
        {
            throw new DeliveryRejectedException($"{delivered.DisplayPath} row 1: required column(s) {string.Join(", ", missing)} missing from the header; expected the columns of {source}/{file.Name} in the data dictionary.");
        }

        var unknown = header.Select(h => h.Trim()).Where(h => !file.Fields.Any(f => string.Equals(f.Name, h, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            throw new DeliveryRejectedException($"{delivered.DisplayPath} row 1: column(s) {string.Join(", ", unknown.Select(u => "'" + u + "'"))} are not in the data dictionary for {source}/{file.Name}; ask the source to remove them, or add them to the dictionary (a new version).");
        }

        return file.Fields.Select(f => positions[f.Name]).ToArray();
    }

    /// <summary>Reads, validates and stores every row; each of <paramref name="sinks"/> gets its own storing thread.</summary>
    public void Ingest(DeliveryFile delivered, IRowSource rows, IReadOnlyList<IRowSink> sinks, QuarantineBuffer quarantine, Action<long, double> progress, CancellationToken cancellationToken)
    {
        var ordinals = MapHeader(_table.Source, _file, delivered, rows.Header);
        var fieldCount = _file.Fields.Count;
        var headerCount = rows.Header.Count;
        var stores = sinks.Select(sink =>
        {
            var storeCipher = new FieldCipher(_dataKey);
            _storeCiphers.Add(storeCipher);
            var envelope = new IdentifierEnvelopeWriter();
            var dateIndexes = new Dictionary<(int Column, int Day), long?>();
            return (Action<RowBatch>)(batch => StoreBatch(batch, sink, storeCipher, envelope, dateIndexes));
        }).ToList();
        using var pipeline = new RowPipeline(fieldCount, stores);
        while (rows.Read())
        {
            RowsRead++;
            if ((RowsRead & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress(RowsRead, rows.Progress);
            }

            if (rows.FieldCount != headerCount)
            {
                RowsQuarantined++;
                quarantine.Add(new QuarantineEntry(delivered.Name, rows.Row, "(row)", RuleBroken.Structure,
                    string.Create(CultureInfo.InvariantCulture, $"{headerCount} values as in the header, found {rows.FieldCount}"), null, _cipher.Encrypt(RowText(rows), _rowAad)));
                continue;
            }

            var parsed = pipeline.NextRow(rows.Row);
            var bad = false;
            for (var f = 0; f < fieldCount; f++)
            {
                var ordinal = ordinals[f];
                var raw = rows.Text(ordinal);
                var rule = _validators[f].Check(raw, rows.Typed(ordinal), out parsed[f]);
                _tallies[f].Count(raw, rule);
                if (rule == RuleBroken.None || (rule == RuleBroken.Code && _validators[f].ReportsInvalidCodes))
                {
                    continue;
                }

                bad = true;
                var field = _file.Fields[f];
                quarantine.Add(new QuarantineEntry(delivered.Name, rows.Row, field.Name, rule, _validators[f].Expectation(rule),
                    field.IsEncrypted ? null : Truncate(raw.Trim()), field.IsEncrypted ? _cipher.Encrypt(raw.Trim(), _aad[f]) : null));
            }

            if (bad)
            {
                pipeline.DropRow();
                RowsQuarantined++;
                continue;
            }

            RowsAccepted++;
            _keys.Add(parsed);
            if (_encrypted.Length > 0 && sinks.Count == 1 && (RowsAccepted & 1) == 0)
            {
                // Sealing is the heaviest step for identity files. With one storing thread, this
                // thread seals every other row to keep both cores busy; with several, they seal all.
                pipeline.SealLastRow(Seal(parsed, _cipher, _envelope));
            }

            if (_eventField >= 0 && !parsed[_eventField].IsNull)
            {
                _lags!.Add(parsed[_eventField].Time);
            }
        }

        pipeline.Complete();
        CompleteAll(sinks);
    }

    /// <summary>
    /// Completes the sinks at once: each first compresses and writes its last row groups, which
    /// can overlap, before its engine commits (0.3–0.5 s instead of 0.5–0.8 s for an identity
    /// file of two million rows on two DuckDB connections).
    /// </summary>
    private static void CompleteAll(IReadOnlyList<IRowSink> sinks)
    {
        if (sinks.Count == 1)
        {
            sinks[0].Complete();
            return;
        }

        var completing = sinks.Select(sink => Task.Run(sink.Complete)).ToArray();
        try
        {
            Task.WaitAll(completing);
        }
        catch (AggregateException ex)
        {
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
    }

    /// <summary>Runs on one of the pipeline's storing threads: fills the table's columns and appends.</summary>
    private void StoreBatch(RowBatch batch, IRowSink sink, FieldCipher storeCipher, IdentifierEnvelopeWriter envelope, Dictionary<(int Column, int Day), long?> dateIndexes)
    {
        var values = new StoredValue[_table.Columns.Count];
        var sealedValues = new byte[]?[_table.Columns.Count];
        for (var r = 0; r < batch.Count; r++)
        {
            Fill(batch.Row(r), values, dateIndexes);
            if (_identifiersColumn >= 0)
            {
                sealedValues[_identifiersColumn] = batch.Sealed[r] ?? Seal(batch.Row(r), storeCipher, envelope);
                batch.Sealed[r] = null;
            }

            sink.Append(batch.Rows[r], values, sealedValues);
        }
    }

    private void Fill(ReadOnlySpan<StoredValue> parsed, StoredValue[] values, Dictionary<(int Column, int Day), long?> dateIndexes)
    {
        Span<char> scratch = stackalloc char[64];
        for (var c = 0; c < values.Length; c++)
        {
            var f = _fieldOfColumn[c];
            var column = _table.Columns[c];
            values[c] = f < 0 || parsed[f].IsNull ? StoredValue.Null
                : column.IsYearMonth ? StoredValue.Of(YearMonthText.Of(parsed[f].Time))
                : column.BlindIndexOf is { } identity ? IndexOf(identity, c, parsed[f], dateIndexes, scratch)
                : parsed[f];
        }
    }

    /// <summary>
    /// The blind index of a value. Dates are remembered per storing thread: a file of two million
    /// people has some 36,000 distinct birth dates, and each keyed hash costs more than half a
    /// microsecond through OpenSSL.
    /// </summary>
    private StoredValue IndexOf(string identity, int column, in StoredValue value, Dictionary<(int Column, int Day), long?> dateIndexes, Span<char> scratch)
    {
        if (_blindIndex is null)
        {
            return StoredValue.Null;
        }

        long? index;
        var date = (column, DateOnly.FromDateTime(value.Time).DayNumber);
        if (value.Kind != StoredKind.Date)
        {
            index = _blindIndex.Of(identity, Canonical(value, scratch));
        }
        else if (!dateIndexes.TryGetValue(date, out index))
        {
            index = _blindIndex.Of(identity, Canonical(value, scratch));
            if (dateIndexes.Count < MaxRememberedDates)
            {
                dateIndexes[date] = index;
            }
        }

        return index is { } number ? StoredValue.Of(number) : StoredValue.Null;
    }

    private byte[]? Seal(ReadOnlySpan<StoredValue> parsed, FieldCipher cipher, IdentifierEnvelopeWriter envelope)
    {
        Span<char> scratch = stackalloc char[64];
        envelope.Clear();
        for (var f = 0; f < _encrypted.Length; f++)
        {
            var index = _encrypted[f];
            if (!parsed[index].IsNull)
            {
                envelope.Add(_encryptedNames[f], Canonical(parsed[index], scratch));
            }
        }

        return envelope.Count == 0 ? null : cipher.Encrypt(envelope.Packed, _identifiersAad);
    }

    /// <summary>The value as text the way identifiers are sealed and indexed, e.g. 1987-03-09 for a date.</summary>
    private static ReadOnlySpan<char> Canonical(in StoredValue value, Span<char> scratch)
    {
        int written;
        switch (value.Kind)
        {
            case StoredKind.Date:
                value.Time.TryFormat(scratch, out written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                return scratch[..written];
            case StoredKind.Timestamp:
                value.Time.TryFormat(scratch, out written, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                return scratch[..written];
            case StoredKind.Integer:
                value.Integer.TryFormat(scratch, out written, default, CultureInfo.InvariantCulture);
                return scratch[..written];
            case StoredKind.Decimal:
                value.Decimal.TryFormat(scratch, out written, default, CultureInfo.InvariantCulture);
                return scratch[..written];
            default:
                return value.Text.AsSpan();
        }
    }

    private static string RowText(IRowSource rows)
    {
        var text = new StringBuilder();
        for (var i = 0; i < rows.FieldCount && text.Length < 4096; i++)
        {
            text.Append(i == 0 ? "" : ",").Append(rows.Text(i));
        }

        return text.ToString();
    }

    private static string Truncate(ReadOnlySpan<char> value) => value.Length <= 200 ? value.ToString() : string.Concat(value[..200], "…");

    public FileProfile Profile(DeliveryFile delivered, FileScan scan) => new()
    {
        File = _file.Name,
        DeliveredAs = delivered.Name,
        Encoding = scan.Encoding.ToString(),
        Bytes = scan.Bytes,
        RowsRead = RowsRead,
        RowsAccepted = RowsAccepted,
        RowsQuarantined = RowsQuarantined,
        Fields = _tallies.Select(t => t.ToProfile()).ToList(),
        Timeliness = _lags?.ToTimeliness(),
    };

    public void Dispose()
    {
        foreach (var cipher in _storeCiphers)
        {
            cipher.Dispose();
        }
    }
}
