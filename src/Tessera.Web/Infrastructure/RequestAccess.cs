using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Web.Identity;

namespace Tessera.Web.Infrastructure;

/// <summary>
/// The current request's user and the policy's answers for them, plus the audit record of what
/// they did. Pages use it to scope rows (a data partner's list holds only their sources) and to
/// record reads and exports; a record that cannot be written fails the request.
/// </summary>
public sealed class RequestAccess(IHttpContextAccessor http, WorkspaceAccess workspaces)
{
    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("No request.");

    /// <summary>Who is asking.</summary>
    public AccessUser User => TesseraClaims.User(Context.User);

    /// <summary>The sources whose rows the user sees (null: all), for limiting queries.</summary>
    public IReadOnlySet<string>? Scope => AccessPolicy.SourceScope(User);

    /// <summary>True when the user's rows include <paramref name="source"/>'s.</summary>
    public bool Sees(string source) => AccessPolicy.SeesSource(User, source);

    /// <summary>True when the user may use <paramref name="capability"/> on <paramref name="source"/>'s data.</summary>
    public bool Permits(Capability capability, string source) => AccessPolicy.Permits(User, capability, source);

    /// <summary>
    /// The signed-in user as the use-case layer's <see cref="Storage.Access.Caller"/> — what a page
    /// hands to the same use case the API and the command line call.
    /// </summary>
    /// <exception cref="AuditUnavailableException">No workspace yet, so no audit log to record in.</exception>
    public Storage.Access.Caller Caller => new(
        workspaces.Current ?? throw new AuditUnavailableException("The workspace is not initialised yet, so there is no audit log to record this access in; run 'tessera init' first."),
        User, TesseraClaims.PurposeOf(Context.User), Context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>Records an access in the workspace's audit log.</summary>
    /// <exception cref="AuditUnavailableException">It could not be recorded (no workspace yet, or the log failed): the caller must not go on.</exception>
    public void Record(AuditAction action, string target, AuditOutcome outcome = AuditOutcome.Allowed) => Caller.Record(action, target, outcome);
}
