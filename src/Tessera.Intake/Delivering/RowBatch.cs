using Tessera.Intake.Validation;

namespace Tessera.Intake.Delivering;

/// <summary>Up to <see cref="Capacity"/> validated rows handed from the reading thread to the storing thread.</summary>
internal sealed class RowBatch(int fieldCount)
{
    public const int Capacity = 4096;

    public StoredValue[] Values { get; } = new StoredValue[Capacity * fieldCount];

    public long[] Rows { get; } = new long[Capacity];

    /// <summary>Each row's sealed identifier envelope (null when it has none), sealed on the reading thread.</summary>
    public byte[]?[] Sealed { get; } = new byte[]?[Capacity];

    public int Count { get; set; }

    public Span<StoredValue> Slot(int index) => Values.AsSpan(index * fieldCount, fieldCount);

    public ReadOnlySpan<StoredValue> Row(int index) => Values.AsSpan(index * fieldCount, fieldCount);
}
