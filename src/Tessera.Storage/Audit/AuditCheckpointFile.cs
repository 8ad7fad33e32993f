using System.Text;
using Tessera.Governance.Audit;

namespace Tessera.Storage.Audit;

/// <summary>
/// The signed checkpoints, one line per audit record, in a plain file beside the databases
/// (<c>audit-checkpoints.log</c> in the workspace folder): whoever truncates the audit table
/// must also find and rewrite this file, and cannot sign new lines without the master key.
/// </summary>
public sealed class AuditCheckpointFile(string path)
{
    /// <summary>The file's path.</summary>
    public string Path { get; } = path;

    /// <summary>Appends <paramref name="checkpoints"/>, in order, and forces them to disk.</summary>
    public void Append(IEnumerable<AuditCheckpoint> checkpoints)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        var text = string.Concat(checkpoints.Select(c => c.ToLine() + "\n"));
        using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(Encoding.ASCII.GetBytes(text));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Every checkpoint line; damaged lines come back as null so the verifier can report them.</summary>
    public IReadOnlyList<AuditCheckpoint?> ReadAll() =>
        File.Exists(Path)
            ? File.ReadAllLines(Path, Encoding.ASCII).Where(line => line.Length > 0).Select(AuditCheckpoint.Parse).ToList()
            : [];
}
