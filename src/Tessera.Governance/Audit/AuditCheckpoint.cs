using System.Globalization;

namespace Tessera.Governance.Audit;

/// <summary>
/// A signed statement "record <see cref="Sequence"/> had hash <see cref="Hash"/>", kept outside
/// the database. The database alone cannot prove it was not cut short — deleting the last rows
/// leaves a perfectly valid chain — but a checkpoint naming a record that is gone can.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, string Signature)
{
    /// <summary>The line written to the checkpoint file: sequence, hash and signature separated by spaces.</summary>
    public string ToLine() => string.Create(CultureInfo.InvariantCulture, $"{Sequence} {Hash} {Signature}");

    /// <summary>Reads a line written by <see cref="ToLine"/>; null when the line is damaged.</summary>
    public static AuditCheckpoint? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parts = line.Split(' ');
        return parts.Length == 3 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && sequence > 0
            ? new AuditCheckpoint(sequence, parts[1], parts[2])
            : null;
    }
}
