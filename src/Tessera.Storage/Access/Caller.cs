using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Access;

/// <summary>
/// Someone using a workspace — a web request's user, an agency's service token, the CLI's
/// operator — and the one path every use case takes: <b>permit → audit → work</b>. A use case is
/// written once, as a method that takes a caller, asks <see cref="Permit"/> first, and is then
/// called alike by the page, the API and the command. The access is recorded before the work
/// runs; a refusal is recorded too, then thrown as <see cref="AccessDeniedException"/>, which each
/// host turns into its answer (403 or 404, exit 2).
/// </summary>
public sealed class Caller(Workspace workspace, AccessUser user, string purpose, string origin)
{
    /// <summary>The workspace used.</summary>
    public Workspace Workspace { get; } = workspace;

    /// <summary>Who is asking, as the policy sees them.</summary>
    public AccessUser User { get; } = user;

    /// <summary>Why, as given at sign-in or implied by the command.</summary>
    public string Purpose { get; } = purpose;

    /// <summary>From where: an IP address, or <c>cli@machine</c>.</summary>
    public string Origin { get; } = origin;

    /// <summary>The workspace operator on the command line of this machine: an IDS administrator.</summary>
    public static Caller Operator(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return new Caller(workspace, new AccessUser(workspace.Config.Operator, Role.Administrator, AccessScope.None), "operations", "cli@" + Environment.MachineName);
    }

    /// <summary>
    /// Lets the access go ahead when the role has <paramref name="capability"/> and the thing is
    /// <paramref name="inScope"/> (say false for another agency's or provider's row), recording it
    /// as <paramref name="action"/> on <paramref name="target"/> first.
    /// </summary>
    /// <exception cref="AccessDeniedException">Refused (and recorded as refused): the role lacks the capability, or the thing is out of scope.</exception>
    /// <exception cref="AuditUnavailableException">The record could not be written; the access must not go ahead.</exception>
    public void Permit(Capability capability, AuditAction action, string target, bool inScope = true)
    {
        var permitted = AccessPolicy.Permits(User, capability);
        if (!permitted || !inScope)
        {
            Record(AuditAction.Denied, target, AuditOutcome.Denied);
            throw new AccessDeniedException(target, notFound: permitted);
        }

        Record(action, target);
    }

    /// <summary>Records an access (or a refusal) without a policy question, e.g. a sign-in or what a permitted page then showed.</summary>
    /// <exception cref="AuditUnavailableException">The record could not be written.</exception>
    public void Record(AuditAction action, string target, AuditOutcome outcome = AuditOutcome.Allowed) =>
        Workspace.Audit.Record(new AuditEvent(User.Name, action, target, Purpose, Origin, outcome));
}
