namespace Tessera.Governance.Audit;

/// <summary>The result of checking an audit log: intact, or the first record that is not as written.</summary>
/// <param name="Records">Records read.</param>
/// <param name="Checkpoints">Checkpoints read.</param>
/// <param name="FirstBadRecord">1-based sequence number of the first record that was edited, deleted, moved or cut off; null when intact.</param>
/// <param name="Problem">What is wrong there, in plain words; null when intact.</param>
public sealed record AuditVerification(long Records, long Checkpoints, long? FirstBadRecord, string? Problem)
{
    /// <summary>True when every record and checkpoint is as written.</summary>
    public bool IsIntact => FirstBadRecord is null;
}
