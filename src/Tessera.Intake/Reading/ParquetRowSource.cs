using System.Globalization;
using System.Reflection;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization;

namespace Tessera.Intake.Reading;

/// <summary>
/// Reads a delivered Parquet file. Values keep their Parquet types (dates stay dates), so the
/// validator checks them without a text round trip. The file is read whole into memory, which
/// suits the Parquet extracts agencies send (tens of MB); very large files belong in CSV or a
/// later streaming reader.
/// </summary>
public sealed class ParquetRowSource : IRowSource
{
    private readonly IList<Dictionary<string, object>> _rows;
    private int _index = -1;
    private string? _text;

    private ParquetRowSource(IReadOnlyList<string> header, IList<Dictionary<string, object>> rows)
    {
        Header = header;
        _rows = rows;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Header { get; }

    /// <inheritdoc />
    public long Row => _index + 2;

    /// <inheritdoc />
    public int FieldCount => Header.Count;

    /// <inheritdoc />
    public double Progress => _rows.Count == 0 ? 1 : (_index + 1) / (double)_rows.Count;

    /// <summary>Opens <paramref name="file"/>.</summary>
    /// <exception cref="DeliveryRejectedException">The file is not a Parquet file, is damaged, or has nested columns.</exception>
    public static ParquetRowSource Open(DeliveryFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        byte[] bytes;
        using (var source = file.Open())
        using (var copy = new MemoryStream())
        {
            source.CopyTo(copy);
            bytes = copy.ToArray();
        }

        try
        {
            CheckFooter(bytes);
            using var stream = new StrictMemoryStream(bytes);
            var result = ParquetSerializer.DeserializeUntypedAsync(stream).GetAwaiter().GetResult();
            if (result.Schema.Fields.Any(f => f is not DataField))
            {
                throw new DeliveryRejectedException($"{file.DisplayPath} has nested (struct, list or map) columns; expected a flat table.");
            }

            return new ParquetRowSource(result.Schema.GetDataFields().Select(f => f.Name).ToList(), result.Data);
        }
        catch (DeliveryRejectedException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A damaged file makes the reader fail in many ways (a Thrift protocol error, a null
            // reference, a length asking for more memory than exists); each is the file's fault.
            throw new DeliveryRejectedException($"{file.DisplayPath} is not a readable Parquet file ({Reason(ex)}).", ex);
        }
    }

    /// <summary>
    /// Reads the footer (the file's metadata) once with a stream that fails at its end. Parquet.Net
    /// 6.1 reads the footer from a buffer whose end it does not notice: a truncated or damaged
    /// footer makes it read past the end for ever (one core at 100%, never returning). Once the
    /// same bytes have been read without passing the end, its own read of them cannot either.
    /// </summary>
    private static void CheckFooter(byte[] bytes)
    {
        if (bytes.Length < 12 || !bytes.AsSpan(0, 4).SequenceEqual("PAR1"u8) || !bytes.AsSpan(bytes.Length - 4).SequenceEqual("PAR1"u8))
        {
            throw new InvalidDataException("it does not start and end with the Parquet marker PAR1");
        }

        var length = BitConverter.ToInt32(bytes, bytes.Length - 8);
        if (length <= 0 || length > bytes.Length - 12)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"its footer claims {length:N0} bytes in a file of {bytes.Length:N0}"));
        }

        using var footer = new StrictMemoryStream(bytes, bytes.Length - 8 - length, length);
        FooterReader.Read(footer);
    }

    private static string Reason(Exception ex) =>
        ex is InvalidDataException or EndOfStreamException or ParquetException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";

    /// <inheritdoc />
    public bool Read()
    {
        _text = null;
        return ++_index < _rows.Count;
    }

    /// <inheritdoc />
    public ReadOnlySpan<char> Text(int ordinal)
    {
        _text = Convert.ToString(Typed(ordinal), CultureInfo.InvariantCulture) ?? "";
        return _text.AsSpan();
    }

    /// <inheritdoc />
    public object? Typed(int ordinal) => _rows[_index].GetValueOrDefault(Header[ordinal]);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    /// <summary>A memory stream that throws at its end where a plain one would return -1 from ReadByte.</summary>
    private sealed class StrictMemoryStream : MemoryStream
    {
        public StrictMemoryStream(byte[] bytes)
            : base(bytes, writable: false)
        {
        }

        public StrictMemoryStream(byte[] bytes, int index, int count)
            : base(bytes, index, count, writable: false)
        {
        }

        public override int ReadByte()
        {
            var value = base.ReadByte();
            return value >= 0 ? value : throw new EndOfStreamException("the file ends in the middle of its metadata");
        }
    }

    /// <summary>
    /// Parquet.Net's own footer parser (internal in 6.1), called over a <see cref="StrictMemoryStream"/>.
    /// Found once by name; a Parquet.Net that renames it fails every Parquet delivery with this
    /// message, rather than reading footers unchecked.
    /// </summary>
    private static class FooterReader
    {
        private static readonly Func<Stream, object?> Parse = Find();

        public static void Read(Stream footer) => Parse(footer);

        private static Func<Stream, object?> Find()
        {
            var assembly = typeof(ParquetSerializer).Assembly;
            var protocol = assembly.GetType("Parquet.Meta.Proto.ThriftCompactProtocolReader");
            var metadata = assembly.GetType("Parquet.Meta.FileMetaData");
            var create = protocol?.GetConstructor([typeof(Stream)]);
            var read = protocol is null ? null : metadata?.GetMethod("Read", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, [protocol]);
            if (create is null || read is null)
            {
                return _ => throw new InvalidOperationException("this version of Parquet.Net has no footer parser where Tessera expects it, so Parquet files cannot be checked");
            }

            return stream => read.Invoke(null, BindingFlags.DoNotWrapExceptions, null, [create.Invoke([stream])], CultureInfo.InvariantCulture);
        }
    }
}
