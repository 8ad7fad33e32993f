namespace Tessera.Governance.Audit;

/// <summary>
/// What happened, as the caller describes it — never with an identifier in it. For example
/// <c>new AuditEvent("ops@county", AuditAction.Read, "delivery 12 quarantine", "data quality review", "10.0.0.7", AuditOutcome.Allowed)</c>.
/// </summary>
/// <param name="Actor">Who: a user name, a service account, or the workspace operator on the CLI.</param>
/// <param name="Action">What kind of access (stored as its text: "sign-in", "read", "export" …).</param>
/// <param name="Target">What was accessed, by number or name (a delivery number, a page), never a person's name or SSN.</param>
/// <param name="Purpose">Why, as given by the user or implied by the command.</param>
/// <param name="Origin">From where: an IP address, or "cli@machine".</param>
/// <param name="Outcome">Whether it was allowed.</param>
public sealed record AuditEvent(string Actor, AuditAction Action, string Target, string Purpose, string Origin, AuditOutcome Outcome)
{
    /// <summary>An access from the command line on this machine (origin "cli@machine").</summary>
    public static AuditEvent OnCommandLine(string actor, AuditAction action, string target, string purpose, AuditOutcome outcome = AuditOutcome.Allowed) =>
        new(actor, action, target, purpose, "cli@" + Environment.MachineName, outcome);
}
