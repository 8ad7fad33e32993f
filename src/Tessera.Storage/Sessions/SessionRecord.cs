namespace Tessera.Storage.Sessions;

/// <summary>
/// A web session as the server keeps it: whoever signed in, how, and whether it has ended. The
/// browser's cookie only names it, so ending it here ends the cookie wherever it was copied to.
/// </summary>
/// <param name="Actor">Who signed in, e.g. "admin@demo" or an organisation account.</param>
/// <param name="Role">The role they signed in with.</param>
/// <param name="Kind">How: "demo" (a demo user, no password) or "oidc" (the organisation's provider).</param>
/// <param name="StartedUtc">When they signed in.</param>
/// <param name="EndedUtc">When it ended (signed out, ended by an administrator); null while active.</param>
/// <param name="EndReason">Why it ended, e.g. "signed out".</param>
public sealed record SessionRecord(string Actor, string Role, string Kind, DateTime StartedUtc, DateTime? EndedUtc, string? EndReason)
{
    /// <summary>"demo": signed in as a demo user.</summary>
    public const string Demo = "demo";

    /// <summary>"oidc": signed in through the organisation's OpenID Connect provider.</summary>
    public const string Oidc = "oidc";

    /// <summary>True until the session is ended.</summary>
    public bool IsActive => EndedUtc is null;
}
