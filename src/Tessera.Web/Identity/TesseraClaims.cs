using System.Globalization;
using System.Security.Claims;
using Tessera.Governance.Access;

namespace Tessera.Web.Identity;

/// <summary>The claims a Tessera session carries, and the <see cref="AccessUser"/> they make.</summary>
public static class TesseraClaims
{
    /// <summary>The user's role (a <see cref="Role"/> name).</summary>
    public const string Role = "tessera:role";

    /// <summary>One thing the role is limited to, by kind: <c>source:benefits</c>, <c>provider:WF01</c> … (repeated; see <see cref="AccessScope"/>).</summary>
    public const string Scope = "tessera:scope";

    /// <summary>Why the user signed in, recorded with every audited access.</summary>
    public const string Purpose = "tessera:purpose";

    /// <summary>When the user signed in (UTC ticks), for the absolute session limit.</summary>
    public const string SignedIn = "tessera:signed-in";

    /// <summary>The server-side session this cookie belongs to (checked on every request; see <c>SessionStore</c>).</summary>
    public const string Session = "tessera:session";

    /// <summary>The id of the workspace the session was opened on; a session of another workspace is refused.</summary>
    public const string Workspace = "tessera:workspace";

    /// <summary>The purposes a user can give at sign-in.</summary>
    public static IReadOnlyList<string> Purposes { get; } = ["operations", "data quality review", "contract management", "evaluation", "demonstration"];

    /// <summary>
    /// An identity for <paramref name="name"/> in <paramref name="role"/>; a web session's also names
    /// its server-side <paramref name="session"/> and the <paramref name="workspace"/> it was opened on.
    /// </summary>
    public static ClaimsIdentity Identity(string name, Role role, AccessScope scope, string purpose, DateTime nowUtc, string authenticationType, string? session = null, string? workspace = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, name),
            new(Role, role.ToString()),
            new(Purpose, purpose),
            new(SignedIn, nowUtc.Ticks.ToString(CultureInfo.InvariantCulture)),
        };
        if (session is not null)
        {
            claims.Add(new Claim(Session, session));
            claims.Add(new Claim(Workspace, workspace ?? throw new ArgumentNullException(nameof(workspace))));
        }

        ArgumentNullException.ThrowIfNull(scope);
        claims.AddRange(scope.ToClaims().Select(s => new Claim(Scope, s)));
        return new ClaimsIdentity(claims, authenticationType);
    }

    /// <summary>The user as the policy sees them; anyone without a valid Tessera role is <see cref="AccessUser.Anonymous"/>.</summary>
    public static AccessUser User(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true || !Enum.TryParse<Role>(principal.FindFirstValue(Role), out var role) || principal.Identity.Name is not { Length: > 0 } name)
        {
            return AccessUser.Anonymous;
        }

        return new AccessUser(name, role, AccessScope.FromClaims(principal.FindAll(Scope).Select(c => c.Value)));
    }

    /// <summary>The purpose given at sign-in.</summary>
    public static string PurposeOf(ClaimsPrincipal principal) => principal?.FindFirstValue(Purpose) ?? "none given";
}
