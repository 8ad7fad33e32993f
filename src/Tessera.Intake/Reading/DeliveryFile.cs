namespace Tessera.Intake.Reading;

/// <summary>
/// One delivered file, wherever it lives (a path on disk or an entry of a zip), opened as often
/// as the pipeline needs: once to fingerprint and keep an encrypted copy, once to parse.
/// </summary>
/// <param name="Name">File name as delivered, e.g. "members.csv" or "Client.csv".</param>
/// <param name="DisplayPath">Where it came from, for messages, e.g. "export.zip!Client.csv".</param>
/// <param name="Length">Size in bytes (uncompressed).</param>
/// <param name="Open">Opens a fresh read stream positioned at the start.</param>
public sealed record DeliveryFile(string Name, string DisplayPath, long Length, Func<Stream> Open)
{
    /// <summary>Name without extension, which is matched (case-insensitively) against the dictionary's file names.</summary>
    public string Stem => Path.GetFileNameWithoutExtension(Name);

    /// <summary>A file on disk, measured by its target when it is a symbolic link; messages name it <paramref name="displayPath"/> (default: its full path).</summary>
    public static DeliveryFile FromDisk(string path, string? displayPath = null)
    {
        var full = Path.GetFullPath(path);
        // A symbolic link (a drop folder linking to the agency's share) reports its own tiny size.
        var info = new FileInfo(full);
        var length = info.LinkTarget is null ? info.Length : ((FileInfo?)info.ResolveLinkTarget(returnFinalTarget: true))?.Length ?? info.Length;
        return new DeliveryFile(Path.GetFileName(full), displayPath ?? full, length, () => new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
    }

    /// <summary>True for Parquet files (by extension).</summary>
    public bool IsParquet => Name.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);
}
