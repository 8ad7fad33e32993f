using Tessera.Governance.Keys;

namespace Tessera.Intake.Delivering;

/// <summary>
/// Opens the sealed identifier envelopes of one source's rows — the only way back to names and
/// SSNs, for linkage and for authorised reviewers. It needs the source's data key, so once that
/// key is destroyed (<c>tessera keys destroy</c>) nothing can open them any more.
/// </summary>
public sealed class IdentifierReader(DataKey key) : IDisposable
{
    private readonly FieldCipher _cipher = new(key);

    /// <summary>The identifiers sealed in the <c>_identifiers</c> column of a row of <paramref name="file"/>, by field name.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The bytes were not sealed for this source's file with this key.</exception>
    public IReadOnlyDictionary<string, string> Open(string file, ReadOnlySpan<byte> sealedBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        return IdentifierEnvelope.Unpack(_cipher.Decrypt(sealedBytes, FieldCipher.Column(key.Source, file.ToLowerInvariant(), TableLayout.IdentifiersColumn)));
    }

    /// <inheritdoc />
    public void Dispose() => _cipher.Dispose();
}
