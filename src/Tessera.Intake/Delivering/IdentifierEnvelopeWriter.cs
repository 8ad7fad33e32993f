using System.Buffers.Binary;
using System.Text;

namespace Tessera.Intake.Delivering;

/// <summary>
/// Packs one row's identifiers into the <see cref="IdentifierEnvelope"/> format in a buffer that
/// is reused from row to row. Why not a list of (field, value) strings: at two million identity
/// rows the strings, lists and arrays of packing each row kept the garbage collector busy for a
/// fifth of the ingest. One writer per thread.
/// </summary>
internal sealed class IdentifierEnvelopeWriter
{
    private byte[] _buffer = new byte[512];
    private int _length = 1;

    /// <summary>Number of identifiers added since the last <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    /// <summary>The packed envelope so far; valid until the next call.</summary>
    public ReadOnlySpan<byte> Packed
    {
        get
        {
            _buffer[0] = checked((byte)Count);
            return _buffer.AsSpan(0, _length);
        }
    }

    /// <summary>Starts a new envelope.</summary>
    public void Clear()
    {
        _length = 1;
        Count = 0;
    }

    /// <summary>Adds <paramref name="value"/> under the field whose UTF-8 name is <paramref name="name"/>.</summary>
    public void Add(ReadOnlySpan<byte> name, ReadOnlySpan<char> value)
    {
        var needed = _length + 1 + name.Length + 4 + Encoding.UTF8.GetMaxByteCount(value.Length);
        if (needed > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
        }

        _buffer[_length] = checked((byte)name.Length);
        name.CopyTo(_buffer.AsSpan(_length + 1));
        _length += 1 + name.Length;
        var written = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length + 4));
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length), written);
        _length += 4 + written;
        Count++;
    }
}
