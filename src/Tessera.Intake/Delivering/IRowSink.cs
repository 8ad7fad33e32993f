using Tessera.Intake.Validation;

namespace Tessera.Intake.Delivering;

/// <summary>Receives the validated rows of one file for one table, inside the delivery's transaction.</summary>
public interface IRowSink : IDisposable
{
    /// <summary>Appends a row: its number in the file and one value per <see cref="TableLayout.Columns"/> entry (encrypted columns take their bytes from <paramref name="sealedValues"/> at the same position).</summary>
    void Append(long row, ReadOnlySpan<StoredValue> values, ReadOnlySpan<byte[]?> sealedValues);

    /// <summary>Flushes buffered rows into the transaction.</summary>
    void Complete();
}
