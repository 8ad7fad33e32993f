using Tessera.Core.Time;
using Tessera.Intake.Reading;

namespace Tessera.Intake.Inbox;

/// <summary>
/// The deliveries waiting in a workspace's <c>incoming</c> folder, laid out the way agencies send
/// them: <c>incoming/&lt;source&gt;/&lt;YYYY-MM&gt;/files</c>, and for a source providers deliver
/// themselves <c>incoming/&lt;source&gt;/&lt;provider&gt;/&lt;YYYY-MM&gt;/files</c>. Why a folder
/// convention: it is what an SFTP drop looks like, and it lets an administrator see at a glance
/// which months arrived.
/// </summary>
public sealed class DeliveryInbox
{
    /// <summary>The folder name, inside a workspace, where deliveries arrive.</summary>
    public const string FolderName = "incoming";

    private readonly string _root;

    /// <summary>Opens the inbox of the workspace at <paramref name="workspace"/> (the folder need not exist yet).</summary>
    public DeliveryInbox(string workspace)
        : this(Path.Combine(Path.GetFullPath(workspace), FolderName), true)
    {
    }

    private DeliveryInbox(string root, bool _) => _root = root;

    /// <summary>The deliveries laid out under <paramref name="root"/> itself (e.g. a synthetic county written anywhere).</summary>
    public static DeliveryInbox Of(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        return new DeliveryInbox(Path.GetFullPath(root), true);
    }

    /// <summary>Full path of the inbox folder.</summary>
    public string Root => _root;

    /// <summary>Sources with at least one delivery folder, by name.</summary>
    public IReadOnlyList<InboxSource> Sources()
    {
        if (!Directory.Exists(_root))
        {
            return [];
        }

        return Directory.EnumerateDirectories(_root)
            .Select(dir => new InboxSource(Path.GetFileName(dir), Deliveries(dir)))
            .Where(s => s.Deliveries.Count > 0 && s.Name != "truth")
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The source named <paramref name="name"/>, or null when the inbox has none.</summary>
    public InboxSource? Source(string name) =>
        Sources().FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    /// <summary>
    /// Counts the data rows of one delivered file (CSV, or each CSV inside a zip), header excluded.
    /// A zip is opened under the same limits as an ingest (entries, total size, compression ratio,
    /// each entry read no further than it declares), so a zip bomb in the inbox is refused rather
    /// than counted.
    /// </summary>
    /// <returns>The count, or null with the reason when the file is not counted.</returns>
    public static (long? Rows, string? Problem) CountRows(string path, ZipLimits? limits = null)
    {
        try
        {
            return (DeliveryInput.Resolve([path], limits, displayRoot: Path.GetDirectoryName(path))
                .Where(f => f.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                .Sum(f =>
                {
                    using var stream = f.Open();
                    return Math.Max(0, CountLines(stream) - 1);
                }), null);
        }
        catch (DeliveryRejectedException ex)
        {
            return (null, ex.Message);
        }
    }

    // Month folders, and the month folders of each provider's folder; by month, then provider.
    private static List<InboxDelivery> Deliveries(string sourceDir) =>
        Directory.EnumerateDirectories(sourceDir)
            .SelectMany(dir => YearMonth.TryParse(Path.GetFileName(dir), out var month)
                ? [(Folder: dir, Month: month, Provider: (string?)null)]
                : Directory.EnumerateDirectories(dir)
                    .Select(inner => (Folder: inner, ok: YearMonth.TryParse(Path.GetFileName(inner), out var m), Month: m))
                    .Where(d => d.ok)
                    .Select(d => (d.Folder, d.Month, Provider: (string?)Path.GetFileName(dir))))
            .OrderBy(d => d.Month).ThenBy(d => d.Provider, StringComparer.Ordinal)
            .Select(d => new InboxDelivery(d.Month, Directory.EnumerateFiles(d.Folder)
                .Select(f => new InboxFile(Path.GetFileName(f), f, new FileInfo(f).Length))
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .ToList())
            { Folder = d.Folder, Provider = d.Provider })
            .ToList();

    private static long CountLines(Stream stream)
    {
        var buffer = new byte[1 << 16];
        long lines = 0;
        int read;
        var last = (byte)'\n';
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
        }

        return last == (byte)'\n' ? lines : lines + 1;
    }
}

/// <summary>A source's delivery folders in the inbox, oldest first.</summary>
/// <param name="Name">Source folder name, e.g. "benefits".</param>
/// <param name="Deliveries">One entry per month folder.</param>
public sealed record InboxSource(string Name, IReadOnlyList<InboxDelivery> Deliveries)
{
    /// <summary>Total bytes across every delivery.</summary>
    public long Bytes => Deliveries.Sum(d => d.Bytes);
}

/// <summary>One month's delivery of one source.</summary>
/// <param name="Month">The month the delivery covers.</param>
/// <param name="Files">The files in it.</param>
public sealed record InboxDelivery(YearMonth Month, IReadOnlyList<InboxFile> Files)
{
    /// <summary>The delivery's folder.</summary>
    public string Folder { get; init; } = "";

    /// <summary>The provider whose folder it is in, for a source providers deliver themselves; null otherwise.</summary>
    public string? Provider { get; init; }

    /// <summary>Total bytes of the delivery's files.</summary>
    public long Bytes => Files.Sum(f => f.Bytes);
}

/// <summary>A delivered file.</summary>
/// <param name="Name">File name, e.g. "members.csv".</param>
/// <param name="Path">Full path on disk.</param>
/// <param name="Bytes">Size in bytes.</param>
public sealed record InboxFile(string Name, string Path, long Bytes);
