namespace Tessera.Linkage.Records;

/// <summary>
/// One person record as delivered, before standardisation: which source it came from, its id in
/// that source, and its identity values indexed by <see cref="StandardColumn"/> (null: absent).
/// </summary>
public sealed record IdentityRecord(int Source, string RecordId, string?[] Values)
{
    /// <summary>The value of <paramref name="column"/>, or null.</summary>
    public string? this[StandardColumn column] => Values[(int)column];
}
