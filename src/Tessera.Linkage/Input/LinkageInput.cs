using System.Runtime.ExceptionServices;
using Tessera.Intake.Reading;
using Tessera.Linkage.Records;
using Tessera.Linkage.Running;

namespace Tessera.Linkage.Input;

/// <summary>
/// Reads CSV files for standalone linkage: each file is one source named by its file name without
/// extensions ("benefits.2024.csv" → "benefits"); the first column (or the one the config names)
/// holds the record id, trimmed and otherwise kept as written (leading zeros too); columns with
/// the standard names, or mapped to them by the config, are the identity; any other column is
/// ignored and listed.
/// </summary>
public sealed class LinkageInput
{
    private LinkageInput(IReadOnlyList<string> sources, IReadOnlyList<IdentityRecord> records, IReadOnlyList<string> ignored)
    {
        Sources = sources;
        Records = records;
        IgnoredColumns = ignored;
    }

    /// <summary>Source names, in the order of the files.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>Every record of every file, in file order.</summary>
    public IReadOnlyList<IdentityRecord> Records { get; }

    /// <summary>Columns (as "file: column") that are neither the record id nor a standard column.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; }

    /// <summary>The source name a path gives: the file name with every extension removed.</summary>
    public static string SourceName(string path) => Path.GetFileName(path).Split('.')[0];

    /// <summary>Reads <paramref name="paths"/>.</summary>
    /// <param name="paths">CSV files with a header row.</param>
    /// <param name="config">Column mapping and record id column; null for standard names and the first column.</param>
    /// <exception cref="LinkageInputException">A file is missing or unreadable, two files give one source name, a record id is blank or repeated, or a file has no standard column.</exception>
    public static LinkageInput Read(IReadOnlyList<string> paths, LinkageConfig? config = null)
    {
        config ??= new LinkageConfig();
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            throw new LinkageInputException("No input files; give at least one with --input FILE.");
        }

        var sources = paths.Select(SourceName).ToList();
        foreach (var clash in sources.GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            throw new LinkageInputException($"Two input files give the source name '{clash.Key}' (the file name without extensions): {string.Join(", ", paths.Where(p => SourceName(p) == clash.Key))}. Rename one so each source is unique.");
        }

        // The files are read side by side, one per core; what they hold, and the first error, come in file order.
        var files = new FileRead[paths.Count];
        Parallel.For(0, paths.Count, Workers.PerCore(), s =>
        {
            try
            {
                files[s] = ReadFile(paths[s], s, config);
            }
            catch (Exception ex)
            {
                files[s] = new FileRead([], [], [], ExceptionDispatchInfo.Capture(ex));
            }
        });

        var records = new List<IdentityRecord>(files.Sum(f => f.Records.Count));
        var ignored = new List<string>();
        var filterLengths = new Dictionary<StandardColumn, int>();
        for (var s = 0; s < paths.Count; s++)
        {
            files[s].Error?.Throw();
            foreach (var (column, first) in files[s].Filters)
            {
                if (!filterLengths.TryAdd(column, first.Length) && filterLengths[column] != first.Length)
                {
                    throw LengthMismatch(paths[s], first.Row, first.Header, first.Length, filterLengths[column]);
                }
            }

            records.AddRange(files[s].Records);
            ignored.AddRange(files[s].Ignored);
        }

        return new LinkageInput(sources, records, ignored);
    }

    private static FileRead ReadFile(string path, int source, LinkageConfig config)
    {
        var records = new List<IdentityRecord>();
        var ignored = new List<string>();
        var filters = new Dictionary<StandardColumn, (int Length, long Row, string Header)>();
        if (!File.Exists(path))
        {
            throw new LinkageInputException($"{path}: no such file.");
        }

        CsvRowSource csv;
        try
        {
            csv = CsvRowSource.OpenPath(path);
        }
        catch (DeliveryRejectedException ex)
        {
            throw new LinkageInputException(ex.Message);
        }

        using (csv)
        {
            var header = csv.Header.Select(h => h.Trim()).ToArray();
            // The config's record id column where a file has it; the first column elsewhere.
            var idColumn = Math.Max(0, Array.FindIndex(header, h => string.Equals(h, config.RecordId, StringComparison.OrdinalIgnoreCase)));

            var mapped = new List<(int Ordinal, StandardColumn Column)>();
            for (var c = 0; c < header.Length; c++)
            {
                if (c == idColumn)
                {
                    continue;
                }

                if (config.TryMap(header[c], out var column))
                {
                    mapped.Add((c, column));
                }
                else
                {
                    ignored.Add($"{Path.GetFileName(path)}: {header[c]}");
                }
            }

            if (mapped.Count == 0)
            {
                throw new LinkageInputException($"{path} row 1: no column has a standard identity name. Expected some of: {string.Join(", ", StandardColumns.Names)} (after the record id in the first column).");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (csv.Read())
            {
                var id = csv.FieldCount > idColumn ? csv.Text(idColumn).Trim().ToString() : string.Empty;
                if (id.Length == 0)
                {
                    throw new LinkageInputException($"{path} row {csv.Row}, column {header[idColumn]}: the record id is blank; every record needs one.");
                }

                if (!seen.Add(id))
                {
                    throw new LinkageInputException($"{path} row {csv.Row}, column {header[idColumn]}: this record id appears earlier in the file; record ids must be unique within a file.");
                }

                var values = new string?[StandardColumns.Count];
                foreach (var (ordinal, column) in mapped)
                {
                    if (ordinal < csv.FieldCount && csv.Text(ordinal).Trim() is { IsEmpty: false } text)
                    {
                        values[(int)column] = text.ToString();
                        if (StandardColumns.BloomFilters.Contains(column))
                        {
                            CheckFilter(path, csv.Row, header[ordinal], column, values[(int)column]!, filters);
                        }
                    }
                }

                records.Add(new IdentityRecord(source, id, values));
            }
        }

        return new FileRead(records, ignored, filters, null);
    }

    /// <summary>
    /// A Bloom-filter column holds base64 filters of one length (an encoder's settings fix it);
    /// anything else is an encoding mistake worth stopping for. Checked here within the file; the
    /// file's first filter of each column is kept to check against the files before it.
    /// </summary>
    private static void CheckFilter(string path, long row, string header, StandardColumn column, string value, Dictionary<StandardColumn, (int Length, long Row, string Header)> first)
    {
        var length = BloomFilter.LengthOf(value);
        if (length < 0)
        {
            throw new LinkageInputException($"{path} row {row}, column {header}: not a Bloom filter; expected base64 of at most {BloomFilter.MaxBytes} bytes, as clkhash writes a CLK (e.g. 172 characters for 1,024 bits).");
        }

        if (first.TryAdd(column, (length, row, header)) || first[column].Length == length)
        {
            return;
        }

        throw LengthMismatch(path, row, header, length, first[column].Length);
    }

    private static LinkageInputException LengthMismatch(string path, long row, string header, int length, int earlier) =>
        new($"{path} row {row}, column {header}: a Bloom filter of {length * 8} bits where earlier rows (of any input) have {earlier * 8}; every filter of a column must come from the same encoding.");

    /// <summary>One file's records, ignored columns and first Bloom filter of each column, or the error that stopped its reading.</summary>
    private sealed record FileRead(List<IdentityRecord> Records, List<string> Ignored, Dictionary<StandardColumn, (int Length, long Row, string Header)> Filters, ExceptionDispatchInfo? Error);
}
