namespace Tessera.Governance.Access;

/// <summary>
/// Who is asking, as the policy sees them: a name for the audit log, a role, and the scope the
/// role is limited to — for a data partner the sources of their agency, e.g.
/// <c>new AccessUser("hmis-lead@county", Role.DataPartner, AccessScope.OfSources(["homelessness"]))</c>.
/// </summary>
public sealed record AccessUser(string Name, Role Role, AccessScope Scope)
{
    /// <summary>Anyone not signed in.</summary>
    public static AccessUser Anonymous { get; } = new("anonymous", Role.Public, AccessScope.None);
}
