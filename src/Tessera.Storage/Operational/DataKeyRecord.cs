namespace Tessera.Storage.Operational;

/// <summary>A source's data key, stored only wrapped by the master key.</summary>
public sealed class DataKeyRecord
{
    /// <summary>Source the key protects.</summary>
    public string Source { get; set; } = "";

    /// <summary>Key number within the source.</summary>
    public int KeyId { get; set; }

    /// <summary>The key encrypted under the master key.</summary>
    public byte[] Wrapped { get; set; } = [];

    /// <summary>Fingerprint of the master key that wrapped it.</summary>
    public string MasterKeyFingerprint { get; set; } = "";

    /// <summary>When created (UTC).</summary>
    public DateTime CreatedUtc { get; set; }
}
