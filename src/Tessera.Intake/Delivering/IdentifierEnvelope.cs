using System.Buffers.Binary;
using System.Text;

namespace Tessera.Intake.Delivering;

/// <summary>
/// All direct identifiers of one row, packed as (field, value) pairs and sealed together in the
/// row's <see cref="TableLayout.IdentifiersColumn"/>. Why one envelope per row rather than one
/// per field: authenticated encryption costs a fixed ~0.7 µs per call here, so sealing a
/// person's six identifiers at once is six times cheaper, and linkage reads them together
/// anyway. <see cref="IdentifierEnvelopeWriter"/> packs them. The pairs name their fields, so rows delivered under different dictionary versions
/// (HMIS FY2022 and FY2026) unpack alike.
/// </summary>
public static class IdentifierEnvelope
{
    /// <summary>The field → value pairs of a packed envelope.</summary>
    /// <exception cref="FormatException">The bytes are not an envelope.</exception>
    public static Dictionary<string, string> Unpack(ReadOnlySpan<byte> bytes)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var count = bytes[0];
            var at = 1;
            for (var i = 0; i < count; i++)
            {
                var nameLength = bytes[at];
                var name = Encoding.UTF8.GetString(bytes.Slice(at + 1, nameLength));
                at += 1 + nameLength;
                var valueLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
                fields[name] = Encoding.UTF8.GetString(bytes.Slice(at + 4, valueLength));
                at += 4 + valueLength;
            }
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new FormatException("Not an identifier envelope.", ex);
        }
        catch (IndexOutOfRangeException ex)
        {
            throw new FormatException("Not an identifier envelope.", ex);
        }

        return fields;
    }
}
