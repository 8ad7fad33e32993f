namespace Tessera.Intake.Reading;

/// <summary>Rows of one delivered file, whatever its format, as the validator reads them.</summary>
public interface IRowSource : IDisposable
{
    /// <summary>Column names from the file's header, as delivered.</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>Row number of the current row as a spreadsheet shows it (the header is row 1).</summary>
    long Row { get; }

    /// <summary>Number of fields in the current row (differs from the header's in a ragged row).</summary>
    int FieldCount { get; }

    /// <summary>Advances to the next row; false at the end.</summary>
    /// <exception cref="DeliveryRejectedException">The file's structure is broken (e.g. an unterminated quote).</exception>
    bool Read();

    /// <summary>The current row's field <paramref name="ordinal"/> as text.</summary>
    ReadOnlySpan<char> Text(int ordinal);

    /// <summary>The current row's field as a typed value when the format carries types (Parquet), else null.</summary>
    object? Typed(int ordinal);

    /// <summary>Fraction of the file read so far (0–1), for progress.</summary>
    double Progress { get; }
}
