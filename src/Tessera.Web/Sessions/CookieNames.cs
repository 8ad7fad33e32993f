using System.Security.Cryptography;
using System.Text;

namespace Tessera.Web.Sessions;

/// <summary>
/// The cookie names of the server for one workspace folder. Browsers send a 127.0.0.1 cookie to
/// every port, so two Tessera servers on one machine (a demo and a real one) must not share a
/// cookie name: each would overwrite the other's session and form token, and each would be handed
/// the other's cookie. A short hash of the workspace folder keeps the names apart and stable.
/// </summary>
/// <param name="Session">The session cookie, e.g. "tessera-session-3f2a9c01".</param>
/// <param name="Forms">The anti-forgery cookie, e.g. "tessera-forms-3f2a9c01".</param>
public sealed record CookieNames(string Session, string Forms)
{
    /// <summary>The names for the workspace in <paramref name="folder"/>.</summary>
    public static CookieNames For(string folder)
    {
        var tag = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(folder))))[..8];
        return new CookieNames("tessera-session-" + tag, "tessera-forms-" + tag);
    }
}
