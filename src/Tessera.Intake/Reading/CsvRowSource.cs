using System.Text;
using Sylvan.Data.Csv;

namespace Tessera.Intake.Reading;

/// <summary>
/// Reads a delivered CSV file (RFC 4180, comma-separated, UTF-8 with or without BOM or Latin-1)
/// with Sylvan's parser, turning every structural problem into a plain message with the row.
/// </summary>
public sealed class CsvRowSource : IRowSource
{
    /// <summary>Longest row accepted, in characters (default 16 MiB); a longer one means a broken file, not a real record.</summary>
    public const int DefaultMaxRowChars = 16 << 20;

    private readonly DeliveryFile _file;
    private readonly Stream _stream;
    private readonly CsvDataReader _reader;
    private readonly long _length;
    private readonly int _maxRowChars;

    private CsvRowSource(DeliveryFile file, Stream stream, CsvDataReader reader, int maxRowChars)
    {
        _maxRowChars = maxRowChars;
        _file = file;
        _stream = stream;
        _reader = reader;
        _length = Math.Max(1, file.Length);
        Header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Header { get; }

    /// <inheritdoc />
    public long Row => _reader.RowNumber + 1;

    /// <inheritdoc />
    public int FieldCount => _reader.RowFieldCount;

    /// <inheritdoc />
    public double Progress => _stream.CanSeek ? Math.Min(1, _stream.Position / (double)_length) : 0;

    /// <summary>Opens the CSV file at <paramref name="path"/> in the encoding it is written in (UTF-8 with or without BOM, else Latin-1).</summary>
    /// <exception cref="DeliveryRejectedException">The file is empty, binary or UTF-16, or its header is unusable.</exception>
    public static CsvRowSource OpenPath(string path)
    {
        var file = DeliveryFile.FromDisk(path);
        return Open(file, FileScan.Of(file).Encoding);
    }

    /// <summary>Opens <paramref name="file"/> and reads its header.</summary>
    /// <exception cref="DeliveryRejectedException">No header, duplicate or blank column names, or another delimiter than a comma.</exception>
    public static CsvRowSource Open(DeliveryFile file, TextEncodingKind encoding, int maxRowChars = DefaultMaxRowChars)
    {
        ArgumentNullException.ThrowIfNull(file);
        var stream = file.Open();
        var text = new StreamReader(stream, encoding == TextEncodingKind.Latin1 ? Encoding.Latin1 : new UTF8Encoding(false), detectEncodingFromByteOrderMarks: encoding != TextEncodingKind.Latin1, 1 << 16);
        var options = new CsvDataReaderOptions
        {
            HasHeaders = true,
            Delimiter = ',',
            BufferSize = Math.Min(1 << 16, maxRowChars),
            MaxBufferSize = maxRowChars,
            OwnsReader = true,
        };
        CsvDataReader reader;
        try
        {
            reader = CsvDataReader.Create(text, options);
        }
        catch (CsvRecordTooLargeException)
        {
            text.Dispose();
            throw new DeliveryRejectedException($"{file.DisplayPath}: a row at the start of the file (row 1 or 2) is longer than the limit of {maxRowChars:N0} characters; a quote may be missing, or the file is not a CSV file.");
        }
        catch (CsvFormatException ex)
        {
            text.Dispose();
            throw new DeliveryRejectedException($"{file.DisplayPath} row 1 (the header) cannot be read: {ex.Message}", ex);
        }

        var source = new CsvRowSource(file, stream, reader, maxRowChars);
        try
        {
            source.CheckHeader();
        }
        catch
        {
            source.Dispose();
            throw;
        }

        return source;
    }

    private void CheckHeader()
    {
        if (Header.Count == 0 || (Header.Count == 1 && Header[0].Length == 0))
        {
            throw new DeliveryRejectedException($"{_file.DisplayPath} has no header row; expected column names in row 1.");
        }

        if (Header.Count == 1)
        {
            foreach (var (delimiter, name) in new[] { (';', "semicolons"), ('\t', "tabs"), ('|', "vertical bars") })
            {
                if (Header[0].Contains(delimiter, StringComparison.Ordinal))
                {
                    throw new DeliveryRejectedException($"{_file.DisplayPath} separates columns with {name}; expected commas. Save it as CSV (comma-separated).");
                }
            }
        }

        for (var i = 0; i < Header.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Header[i]))
            {
                throw new DeliveryRejectedException($"{_file.DisplayPath} row 1, column {i + 1}: the header has a blank column name.");
            }
        }

        foreach (var duplicate in Header.GroupBy(h => h.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            throw new DeliveryRejectedException($"{_file.DisplayPath} row 1: column '{duplicate.Key}' appears {duplicate.Count()} times in the header; each column must appear once.");
        }
    }

    /// <inheritdoc />
    public bool Read()
    {
        try
        {
            return _reader.Read();
        }
        catch (CsvRecordTooLargeException)
        {
            throw new DeliveryRejectedException($"{_file.DisplayPath} row {Row + 1} is longer than the limit of {_maxRowChars:N0} characters; a quote may be missing, or the file is not a CSV file.");
        }
        catch (CsvFormatException ex)
        {
            throw new DeliveryRejectedException($"{_file.DisplayPath} row {Row + 1}: {Plain(ex.Message)}", ex);
        }
    }

    /// <inheritdoc />
    public ReadOnlySpan<char> Text(int ordinal) => _reader.GetFieldSpan(ordinal);

    /// <inheritdoc />
    public object? Typed(int ordinal) => null;

    private static string Plain(string message) =>
        message.Contains("without a closing quote", StringComparison.Ordinal)
            ? "a quoted value is never closed (a \" is missing); everything after it would be read as one value."
            : message;

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();
}
