namespace Tessera.Governance.Audit;

/// <summary>How an audited access ended.</summary>
public enum AuditOutcome
{
    /// <summary>The access was authorised and went ahead.</summary>
    Allowed,

    /// <summary>The access was refused (wrong role, other agency's rows, bad password).</summary>
    Denied,
}
