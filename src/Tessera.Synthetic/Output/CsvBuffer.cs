using System.Buffers;
using System.Globalization;
using System.Text;

namespace Tessera.Synthetic.Output;

/// <summary>
/// Rows of one CSV file held as UTF-8 bytes. Why bytes and not strings: a million-person county
/// is about a gigabyte of CSV, and generation keeps every chunk's rows until they are written in
/// order; UTF-16 strings would double that.
/// </summary>
internal sealed class CsvBuffer
{
    private readonly ArrayBufferWriter<byte> _bytes = new(4096);
    private bool _atRowStart = true;

    public int Rows { get; private set; }

    public ReadOnlyMemory<byte> Written => _bytes.WrittenMemory;

    public CsvBuffer F(string? value)
    {
        Separator();
        if (string.IsNullOrEmpty(value))
        {
            return this;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            WriteUtf8(value);
        }
        else
        {
            WriteUtf8("\"");
            WriteUtf8(value.Replace("\"", "\"\"", StringComparison.Ordinal));
            WriteUtf8("\"");
        }

        return this;
    }

    public CsvBuffer F(long value)
    {
        Separator();
        var span = _bytes.GetSpan(20);
        value.TryFormat(span, out var n, default, CultureInfo.InvariantCulture);
        _bytes.Advance(n);
        return this;
    }

    public CsvBuffer N(int? value) => value is { } v ? F((long)v) : F((string?)null);

    public CsvBuffer Money(decimal value)
    {
        Separator();
        var span = _bytes.GetSpan(32);
        value.TryFormat(span, out var n, "0.00", CultureInfo.InvariantCulture);
        _bytes.Advance(n);
        return this;
    }

    public CsvBuffer Date(DateOnly? value, string format)
    {
        Separator();
        if (value is { } date)
        {
            var span = _bytes.GetSpan(32);
            date.TryFormat(span, out var n, format, CultureInfo.InvariantCulture);
            _bytes.Advance(n);
        }

        return this;
    }

    public CsvBuffer Empty(int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            Separator();
        }

        return this;
    }

    public void End()
    {
        _bytes.Write("\n"u8);
        _atRowStart = true;
        Rows++;
    }

    /// <summary>A header line from column names.</summary>
    public static byte[] Header(IReadOnlyList<string> columns) => Encoding.UTF8.GetBytes(string.Join(',', columns) + "\n");

    private void Separator()
    {
        if (!_atRowStart)
        {
            _bytes.Write(","u8);
        }

        _atRowStart = false;
    }

    private void WriteUtf8(string text)
    {
        var span = _bytes.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        var n = Encoding.UTF8.GetBytes(text, span);
        _bytes.Advance(n);
    }
}
