using System.Buffers;
using System.Text;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using Tessera.Intake.Delivering;
using Tessera.Intake.Validation;

namespace Tessera.Storage.Vault;

/// <summary>
/// Appends rows to a DuckDB table by filling DuckDB data chunks (2,048 rows) directly and
/// handing each full chunk to the appender. Why not DuckDB.NET's row appender: it costs about
/// 50 ns per value, which made appending as slow as parsing; writing into the vectors costs a
/// few. Column types come from the table itself, so the layout cannot drift from the schema.
/// </summary>
internal sealed unsafe class DuckDbChunkSink : IRowSink
{
    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
    private static readonly int EpochDay = DateOnly.FromDateTime(Epoch).DayNumber;
    private readonly DuckDB.NET.Native.DuckDBAppender _appender;
    private readonly DuckDBDataChunk _chunk;
    private readonly TableLayout _table;
    private readonly long _deliveryId;
    private readonly ulong _capacity;
    private readonly IntPtr[] _vectors;
    private readonly void*[] _data;
    private readonly ulong*[] _validity;
    private readonly long[] _decimalScale;
    private byte[] _buffer = new byte[256];
    private ulong _size;
    private bool _closed;

    public DuckDbChunkSink(DuckDBConnection connection, TableLayout table, long deliveryId)
    {
        _table = table;
        _deliveryId = deliveryId;
        if (NativeMethods.Appender.DuckDBAppenderCreate(connection.NativeConnection, table.Schema, table.RowsTable, out _appender) != DuckDBState.Success)
        {
            throw new InvalidOperationException($"Cannot append to {table.Schema}.{table.RowsTable}.");
        }

        var count = (int)NativeMethods.Appender.DuckDBAppenderColumnCount(_appender);
        var types = new DuckDBLogicalType[count];
        _decimalScale = new long[count];
        for (var i = 0; i < count; i++)
        {
            types[i] = NativeMethods.Appender.DuckDBAppenderColumnType(_appender, (ulong)i);
            if (NativeMethods.LogicalType.DuckDBGetTypeId(types[i]) == DuckDBType.Decimal)
            {
                _decimalScale[i] = (long)Math.Pow(10, NativeMethods.LogicalType.DuckDBDecimalScale(types[i]));
            }
        }

        _chunk = NativeMethods.DataChunks.DuckDBCreateDataChunk(types.Select(t => t.DangerousGetHandle()).ToArray(), (ulong)count);
        foreach (var type in types)
        {
            type.Dispose();
        }

        _capacity = NativeMethods.Helpers.DuckDBVectorSize();
        _vectors = new IntPtr[count];
        _data = new void*[count];
        _validity = new ulong*[count];
        MapVectors();
    }

    public void Append(long row, ReadOnlySpan<StoredValue> values, ReadOnlySpan<byte[]?> sealedValues)
    {
        ((long*)_data[0])[_size] = _deliveryId;
        ((long*)_data[1])[_size] = row;
        for (var i = 0; i < values.Length; i++)
        {
            var column = i + 2;
            if (_table.Columns[i].Type == StoreType.Sealed)
            {
                if (sealedValues[i] is { } bytes)
                {
                    fixed (byte* pointer = bytes)
                    {
                        NativeMethods.Vectors.DuckDBVectorAssignStringElementLength(_vectors[column], _size, pointer, bytes.Length);
                    }
                }
                else
                {
                    SetNull(column);
                }

                continue;
            }

            var value = values[i];
            switch (value.Kind)
            {
                case StoredKind.Integer:
                    ((long*)_data[column])[_size] = value.Integer;
                    break;
                case StoredKind.Decimal:
                    ((long*)_data[column])[_size] = (long)(value.Decimal * _decimalScale[column]);
                    break;
                case StoredKind.Date:
                    ((int*)_data[column])[_size] = DateOnly.FromDateTime(value.Time).DayNumber - EpochDay;
                    break;
                case StoredKind.Timestamp:
                    ((long*)_data[column])[_size] = (value.Time - Epoch).Ticks / 10;
                    break;
                case StoredKind.Text:
                    AssignText(column, value.Text!);
                    break;
                default:
                    SetNull(column);
                    break;
            }
        }

        if (++_size == _capacity)
        {
            Flush();
        }
    }

    private void AssignText(int column, string text)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (needed > _buffer.Length)
        {
            _buffer = new byte[Math.Max(needed, _buffer.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(text, _buffer);
        fixed (byte* pointer = _buffer)
        {
            NativeMethods.Vectors.DuckDBUnsafeVectorAssignStringElementLength(_vectors[column], _size, pointer, length);
        }
    }

    private void SetNull(int column)
    {
        if (_validity[column] == null)
        {
            NativeMethods.Vectors.DuckDBVectorEnsureValidityWritable(_vectors[column]);
            _validity[column] = NativeMethods.Vectors.DuckDBVectorGetValidity(_vectors[column]);
        }

        NativeMethods.ValidityMask.DuckDBValiditySetRowValidity(_validity[column], _size, false);
    }

    private void MapVectors()
    {
        for (var i = 0; i < _vectors.Length; i++)
        {
            _vectors[i] = NativeMethods.DataChunks.DuckDBDataChunkGetVector(_chunk, i);
            _data[i] = NativeMethods.Vectors.DuckDBVectorGetData(_vectors[i]);
            _validity[i] = null;
        }
    }

    private void Flush()
    {
        if (_size == 0)
        {
            return;
        }

        NativeMethods.DataChunks.DuckDBDataChunkSetSize(_chunk, _size);
        if (NativeMethods.Appender.DuckDBAppendDataChunk(_appender, _chunk) != DuckDBState.Success)
        {
            throw new InvalidOperationException($"DuckDB refused rows for {_table.Schema}.{_table.RowsTable}: {ErrorMessage()}");
        }

        NativeMethods.DataChunks.DuckDBDataChunkReset(_chunk);
        _size = 0;
        MapVectors();
    }

    private string ErrorMessage()
    {
        using var error = NativeMethods.Appender.DuckDBAppenderErrorData(_appender);
        return NativeMethods.ErrorData.DuckDBErrorDataMessage(error);
    }

    public void Complete()
    {
        if (_closed)
        {
            return;
        }

        Flush();
        _closed = true;
        if (NativeMethods.Appender.DuckDBAppenderClose(_appender) != DuckDBState.Success)
        {
            throw new InvalidOperationException($"DuckDB could not finish appending to {_table.Schema}.{_table.RowsTable}: {ErrorMessage()}");
        }
    }

    public void Dispose()
    {
        _chunk.Dispose();
        _appender.Dispose();
    }
}
