using System.Security.Cryptography;

namespace Tessera.Governance.Keys;

/// <summary>
/// The key that encrypts one source's identifiers. Each source (data partner) has its own, so
/// ending a data-sharing agreement can destroy exactly that partner's identifiers by destroying
/// its key ("crypto-shredding") without touching anyone else's data.
/// </summary>
public sealed class DataKey
{
    private readonly byte[] _material;

    /// <summary>Creates a key from its identifier and 32 bytes of material.</summary>
    public DataKey(string source, int id, byte[] material)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(material);
        if (material.Length != 32)
        {
            throw new ArgumentException("A data key is 32 bytes.", nameof(material));
        }

        Source = source;
        Id = id;
        _material = material;
    }

    /// <summary>The source whose identifiers this key protects.</summary>
    public string Source { get; }

    /// <summary>Number of the key, written into every value it encrypts so the right key is found after a rotation.</summary>
    public int Id { get; }

    /// <summary>The context bound into the wrapped form, e.g. "benefits/1".</summary>
    public string WrapContext => Source + "/" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A new random key for <paramref name="source"/>.</summary>
    public static DataKey Generate(string source, int id) => new(source, id, RandomNumberGenerator.GetBytes(32));

    /// <summary>The key wrapped by <paramref name="master"/> for storage in the workspace.</summary>
    public byte[] WrapWith(MasterKey master)
    {
        ArgumentNullException.ThrowIfNull(master);
        return master.Wrap(_material, WrapContext);
    }

    /// <summary>Opens a key stored by <see cref="WrapWith"/>.</summary>
    public static DataKey Unwrap(MasterKey master, string source, int id, byte[] wrapped)
    {
        ArgumentNullException.ThrowIfNull(master);
        var probe = new DataKey(source, id, new byte[32]);
        return new DataKey(source, id, master.Unwrap(wrapped, probe.WrapContext));
    }

    /// <summary>
    /// Encrypts a small secret (AES-256-GCM, random nonce) bound to <paramref name="context"/>, for
    /// workspace secrets kept in the operational store, such as the web app's cookie keys.
    /// </summary>
    public byte[] Seal(ReadOnlySpan<byte> plaintext, string context)
    {
        ArgumentException.ThrowIfNullOrEmpty(context);
        return AuthenticatedBox.Seal(_material, plaintext, System.Text.Encoding.UTF8.GetBytes("secret|" + context));
    }

    /// <summary>Decrypts what <see cref="Seal"/> encrypted under the same context.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">Another key or context, or altered bytes.</exception>
    public byte[] Open(ReadOnlySpan<byte> sealedBytes, string context)
    {
        ArgumentException.ThrowIfNullOrEmpty(context);
        return AuthenticatedBox.Open(_material, sealedBytes, System.Text.Encoding.UTF8.GetBytes("secret|" + context));
    }

    internal byte[] Material => _material;
}
