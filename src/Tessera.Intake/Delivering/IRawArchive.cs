using Tessera.Intake.Reading;

namespace Tessera.Intake.Delivering;

/// <summary>
/// Keeps delivered files (encrypted) for reprocessing, under the delivery's content hash. Files
/// are written before the delivery commits; copies whose delivery never committed are removed
/// when the workspace is next opened.
/// </summary>
public interface IRawArchive
{
    /// <summary>Stores an encrypted copy of <paramref name="files"/> for <paramref name="source"/> under <paramref name="contentHash"/> (replacing a partial earlier copy).</summary>
    void Keep(string source, string contentHash, IReadOnlyList<DeliveryFile> files);

    /// <summary>Removes the copy kept under <paramref name="contentHash"/> (its delivery was rejected).</summary>
    void Discard(string source, string contentHash);
}
