using System.Globalization;
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
    /// <exception cref="DeliveryRejectedException">The file is not a Parquet file or has nested columns.</exception>
    public static ParquetRowSource Open(DeliveryFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var stream = new MemoryStream();
        using (var source = file.Open())
        {
            source.CopyTo(stream);
        }

        stream.Position = 0;
        try
        {
            var result = ParquetSerializer.DeserializeUntypedAsync(stream).GetAwaiter().GetResult();
            if (result.Schema.Fields.Any(f => f is not DataField))
            {
                throw new DeliveryRejectedException($"{file.DisplayPath} has nested (struct, list or map) columns; expected a flat table.");
            }

            return new ParquetRowSource(result.Schema.GetDataFields().Select(f => f.Name).ToList(), result.Data);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ParquetException or InvalidOperationException or NotSupportedException)
        {
            throw new DeliveryRejectedException($"{file.DisplayPath} is not a readable Parquet file ({ex.Message}).", ex);
        }
    }

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
}
