using System.IO.Compression;
using Tessera.Core.Time;

namespace Tessera.Intake.Reading;

/// <summary>
/// Turns what the user named on the command line or uploaded (files, a month's folder, an HMIS
/// export as a zip or a folder) into the set of files of one delivery, checking zips for path
/// traversal, nesting and bombs before anything is read.
/// </summary>
public static class DeliveryInput
{
    /// <summary>
    /// Resolves <paramref name="paths"/> into one delivery's files; with <paramref name="displayRoot"/>,
    /// messages name them relative to that folder (an upload's folder on the server stays unnamed).
    /// </summary>
    /// <exception cref="DeliveryRejectedException">A path is missing, a zip is unsafe, or two files have the same name.</exception>
    public static IReadOnlyList<DeliveryFile> Resolve(IReadOnlyList<string> paths, ZipLimits? limits = null, string? displayRoot = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        limits ??= new ZipLimits();
        string Shown(string path) => displayRoot is null ? path : Path.GetRelativePath(displayRoot, Path.GetFullPath(path));
        if (paths.Count == 0)
        {
            throw new DeliveryRejectedException("Name at least one file or folder to ingest.");
        }

        var files = new List<DeliveryFile>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(FromFolder(path, limits, Shown));
            }
            else if (File.Exists(path))
            {
                files.AddRange(IsZip(path) ? FromZip(path, limits) : [DeliveryFile.FromDisk(path, Shown(path))]);
            }
            else
            {
                throw new DeliveryRejectedException($"{Shown(path)} does not exist.");
            }
        }

        foreach (var clash in files.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            throw new DeliveryRejectedException($"The delivery has two files named {clash.Key} ({string.Join(" and ", clash.Select(f => f.DisplayPath))}); a delivery holds each file once.");
        }

        return files.Count > 0 ? files : throw new DeliveryRejectedException($"{string.Join(", ", paths)} holds no files to ingest.");
    }

    /// <summary>The month a delivery covers when every path is (or sits in) a folder named YYYY-MM, as the county's drop folders are; else null.</summary>
    public static YearMonth? PeriodFromFolders(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        YearMonth? found = null;
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);
            var folder = Directory.Exists(full) ? Path.GetFileName(full) : Path.GetFileName(Path.GetDirectoryName(full) ?? "");
            if (!YearMonth.TryParse(folder, out var month) || (found is { } other && other != month))
            {
                return null;
            }

            found = month;
        }

        return found;
    }

    private static IEnumerable<DeliveryFile> FromFolder(string folder, ZipLimits limits, Func<string, string> shown)
    {
        var entries = Directory.GetFiles(folder)
            .Where(p => !Path.GetFileName(p).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (entries.Count == 1 && IsZip(entries[0]))
        {
            return FromZip(entries[0], limits);
        }

        return entries.Select(p => IsZip(p)
            ? throw new DeliveryRejectedException($"{shown(p)} is a zip inside a folder of files; deliver the zip on its own or its files without it.")
            : DeliveryFile.FromDisk(p, shown(p)));
    }

    private static bool IsZip(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.Read(magic) == 4 && magic[0] == (byte)'P' && magic[1] == (byte)'K' && magic[2] == 3 && magic[3] == 4;
    }

    private static List<DeliveryFile> FromZip(string path, ZipLimits limits)
    {
        var full = Path.GetFullPath(path);
        var zipName = Path.GetFileName(full);
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(full);
        }
        catch (InvalidDataException ex)
        {
            throw new DeliveryRejectedException($"{zipName} is not a readable zip file ({ex.Message}).", ex);
        }

        using (archive)
        {
            return ListEntries(archive, full, zipName, limits);
        }
    }

    private static List<DeliveryFile> ListEntries(ZipArchive archive, string full, string zipName, ZipLimits limits)
    {
        var files = new List<DeliveryFile>();
        try
        {
            if (archive.Entries.Count > limits.MaxEntries)
            {
                throw new DeliveryRejectedException($"{zipName} holds {archive.Entries.Count:N0} entries; at most {limits.MaxEntries:N0} are accepted.");
            }

            long total = 0;
            foreach (var entry in archive.Entries)
            {
                if (entry.FullName.EndsWith('/'))
                {
                    continue;
                }

                var entryName = entry.FullName;
                var parts = entryName.Split('/');
                if (entryName.StartsWith('/') || entryName.Contains('\\', StringComparison.Ordinal) || entryName.Contains(':', StringComparison.Ordinal) || parts.Any(p => p is ".." or "."))
                {
                    throw new DeliveryRejectedException($"{zipName} has an entry named '{Printable(entryName)}' that points outside the zip (path traversal); the zip was not read.");
                }

                var name = parts[^1];
                if (name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".7z", StringComparison.OrdinalIgnoreCase))
                {
                    throw new DeliveryRejectedException($"{zipName} contains another archive ({Printable(name)}); nested archives are not accepted. Put the files in one zip.");
                }

                total += entry.Length;
                if (total > limits.MaxTotalBytes)
                {
                    throw new DeliveryRejectedException($"{zipName} expands to more than {limits.MaxTotalBytes:N0} bytes; it was not read (zip bomb limit).");
                }

                if (entry.Length > 1 << 20 && entry.CompressedLength > 0 && (double)entry.Length / entry.CompressedLength > limits.MaxCompressionRatio)
                {
                    throw new DeliveryRejectedException(
                        $"{zipName}!{Printable(name)} compresses {entry.Length / (double)entry.CompressedLength:N0} to 1, more than the {limits.MaxCompressionRatio:N0} to 1 any real extract reaches; it was not read (zip bomb limit).");
                }

                var declared = entry.Length;
                var fullName = entry.FullName;
                files.Add(new DeliveryFile(name, $"{zipName}!{name}", declared, () => OpenEntry(full, fullName, declared, $"{zipName}!{name}")));
            }
        }
        catch (InvalidDataException ex)
        {
            throw new DeliveryRejectedException($"{zipName} is a damaged zip file ({ex.Message}).", ex);
        }

        return files;
    }

    private static Stream OpenEntry(string zipPath, string entryName, long declared, string displayPath)
    {
        var archive = ZipFile.OpenRead(zipPath);
        try
        {
            var entry = archive.GetEntry(entryName) ?? throw new DeliveryRejectedException($"{displayPath} disappeared from the zip while it was being read.");
            return new ArchiveEntryStream(archive, new BoundedStream(entry.Open(), declared, displayPath));
        }
        catch (InvalidDataException ex)
        {
            archive.Dispose();
            throw new DeliveryRejectedException($"{displayPath} is damaged inside the zip ({ex.Message}).", ex);
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    private static string Printable(string name) => new(name.Select(c => char.IsControl(c) ? '?' : c).Take(120).ToArray());

    private sealed class ArchiveEntryStream(ZipArchive archive, Stream inner) : ReadOnlyStream
    {
        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                archive.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
