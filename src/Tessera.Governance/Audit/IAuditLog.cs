namespace Tessera.Governance.Audit;

/// <summary>The append-only, hash-chained record of who accessed what.</summary>
public interface IAuditLog
{
    /// <summary>Appends <paramref name="auditEvent"/>; throws <see cref="AuditUnavailableException"/> when it cannot, and the caller must then refuse the access.</summary>
    AuditRecord Record(AuditEvent auditEvent);

    /// <summary>Checks every record and checkpoint.</summary>
    AuditVerification Verify();
}
