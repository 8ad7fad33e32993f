using Tessera.Governance.Keys;
using Tessera.Intake.Delivering;
using Tessera.Intake.Reading;

namespace Tessera.Storage.Workspaces;

/// <summary>
/// Delivered files kept encrypted under <c>raw/&lt;source&gt;/&lt;content hash&gt;/</c>, so a
/// delivery can be reprocessed after a dictionary or rule changes. Written to a staging folder
/// and renamed into place; a copy whose delivery never committed is removed by <see cref="Sweep"/>.
/// </summary>
public sealed class RawArchive(string root, Func<string, DataKey> dataKeyOf) : IRawArchive
{
    /// <summary>Folder of all raw copies.</summary>
    public string Root { get; } = root;

    /// <inheritdoc />
    public void Keep(string source, string contentHash, IReadOnlyList<DeliveryFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var key = dataKeyOf(source);
        var sourceFolder = Path.Combine(Root, source);
        var staging = Path.Combine(sourceFolder, ".staging-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        foreach (var file in files)
        {
            using var input = file.Open();
            using var output = new FileStream(Path.Combine(staging, file.Name + ".enc"), FileMode.CreateNew, FileAccess.Write);
            EncryptedFile.Encrypt(input, output, key, $"{source}/{contentHash}/{file.Name}");
            output.Flush(flushToDisk: true);
        }

        var final = Path.Combine(sourceFolder, contentHash);
        if (Directory.Exists(final))
        {
            Directory.Delete(final, recursive: true);
        }

        Directory.Move(staging, final);
    }

    /// <inheritdoc />
    public void Discard(string source, string contentHash)
    {
        var folder = Path.Combine(Root, source, contentHash);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Deletes every kept file of <paramref name="source"/>, e.g. once its data key is destroyed and they can no longer be read.</summary>
    public void Discard(string source)
    {
        var folder = Path.Combine(Root, source);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Decrypts a kept file of a delivery into <paramref name="destination"/>.</summary>
    public void Restore(string source, string contentHash, string fileName, Stream destination)
    {
        using var input = File.OpenRead(Path.Combine(Root, source, contentHash, fileName + ".enc"));
        EncryptedFile.Decrypt(input, destination, dataKeyOf(source), $"{source}/{contentHash}/{fileName}");
    }

    /// <summary>Removes staging folders and copies whose content hash no accepted delivery has.</summary>
    public void Sweep(Func<string, string, bool> isKept)
    {
        ArgumentNullException.ThrowIfNull(isKept);
        if (!Directory.Exists(Root))
        {
            return;
        }

        foreach (var sourceFolder in Directory.GetDirectories(Root))
        {
            var source = Path.GetFileName(sourceFolder);
            foreach (var folder in Directory.GetDirectories(sourceFolder))
            {
                var name = Path.GetFileName(folder);
                if (name.StartsWith(".staging-", StringComparison.Ordinal) || !isKept(source, name))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
    }
}
