using System.Security.Cryptography;
using System.Text;

namespace Tessera.Governance.Keys;

/// <summary>
/// The key that wraps every data key of a workspace. It lives in a file <em>beside</em> the
/// workspace (or in an environment variable), never inside it and never in a database, so a copy
/// of the workspace folder or a database dump alone reveals no identifier. Example: workspace
/// <c>/srv/county</c> has its master key in <c>/srv/county.key</c>.
/// </summary>
public sealed class MasterKey : IDisposable
{
    /// <summary>Environment variable that may hold the master key (base64) instead of a file.</summary>
    public const string EnvironmentVariable = "TESSERA_MASTER_KEY";

    private const string FileHeader = "tessera-master-key v1";
    private const int KeyBytes = 32;
    private readonly byte[] _key;

    private MasterKey(byte[] key)
    {
        _key = key;
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 8));
    }

    /// <summary>
    /// A short, non-secret name of this key (hex of a hash), recorded with every wrapped data key
    /// so that opening a workspace with the wrong key file fails with a clear message instead of
    /// garbled data.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>Creates a new random key and writes it to <paramref name="path"/> (owner-only permissions); refuses to overwrite.</summary>
    public static MasterKey CreateFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        var text = FileHeader + "\n" + Convert.ToBase64String(key) + "\n";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(Encoding.ASCII.GetBytes(text));
            stream.Flush(flushToDisk: true);
        }

        return new MasterKey(key);
    }

    /// <summary>Reads the key from <paramref name="path"/>, or from <see cref="EnvironmentVariable"/> when that is set.</summary>
    /// <exception cref="KeyUnavailableException">The key is missing or malformed.</exception>
    public static MasterKey Load(string path)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return FromBase64(fromEnvironment.Trim(), $"the {EnvironmentVariable} environment variable");
        }

        if (!File.Exists(path))
        {
            throw new KeyUnavailableException(
                $"The master key file {path} was not found. It was created beside the workspace by 'tessera init'; restore it from your key backup, or set {EnvironmentVariable}.");
        }

        return LoadFile(path);
    }

    /// <summary>Reads the key from the file <paramref name="path"/> only (the environment variable names the current key, not a new one).</summary>
    /// <exception cref="KeyUnavailableException">The file is missing or malformed.</exception>
    public static MasterKey LoadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new KeyUnavailableException($"The master key file {path} was not found.");
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length < 2 || lines[0].Trim() != FileHeader)
        {
            throw new KeyUnavailableException($"The file {path} is not a Tessera master key file.");
        }

        return FromBase64(lines[1].Trim(), path);
    }

    private static MasterKey FromBase64(string base64, string where)
    {
        var key = new byte[KeyBytes];
        if (!Convert.TryFromBase64String(base64, key, out var written) || written != KeyBytes)
        {
            throw new KeyUnavailableException($"The master key in {where} is not 32 bytes of base64.");
        }

        return new MasterKey(key);
    }

    /// <summary>Encrypts a data key for storage; <paramref name="context"/> (e.g. "benefits/1") is bound to it so a wrapped key cannot be moved to another source.</summary>
    public byte[] Wrap(ReadOnlySpan<byte> dataKey, string context)
    {
        ArgumentException.ThrowIfNullOrEmpty(context);
        return AuthenticatedBox.Seal(_key, dataKey, Encoding.UTF8.GetBytes("data-key|" + context));
    }

    /// <summary>Decrypts a data key wrapped by <see cref="Wrap"/> with the same context.</summary>
    /// <exception cref="KeyUnavailableException">The key was wrapped by another master key or under another context.</exception>
    public byte[] Unwrap(ReadOnlySpan<byte> wrapped, string context)
    {
        ArgumentException.ThrowIfNullOrEmpty(context);
        try
        {
            return AuthenticatedBox.Open(_key, wrapped, Encoding.UTF8.GetBytes("data-key|" + context));
        }
        catch (CryptographicException)
        {
            throw new KeyUnavailableException(
                $"The data key for {context} cannot be opened with this master key (fingerprint {Fingerprint}). Is this the key file created for this workspace?");
        }
    }

    /// <inheritdoc />
    public void Dispose() => CryptographicOperations.ZeroMemory(_key);
}
