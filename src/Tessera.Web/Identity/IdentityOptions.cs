namespace Tessera.Web.Identity;

/// <summary>Sign-in settings, from the configuration section <c>Tessera:Identity</c>.</summary>
public sealed class IdentityOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Tessera:Identity";

    /// <summary>True in a real deployment: cookies are sent over HTTPS only, and demo users cannot be switched on.</summary>
    public bool Production { get; set; }

    /// <summary>
    /// True when the passwordless demo users may sign in: set by <c>tessera demo</c> and by
    /// <c>tessera serve --demo-users</c>, never by default, so a server started without it (a
    /// forgotten flag) refuses them — and refuses the sessions of demo users signed in elsewhere.
    /// </summary>
    public bool DemoUsers { get; set; }

    /// <summary>True when demo users may sign in and keep their sessions here.</summary>
    public bool DemoUsersEnabled => DemoUsers && !Production;

    /// <summary>Minutes without a request after which a session ends.</summary>
    public int IdleMinutes { get; set; } = 20;

    /// <summary>Hours after sign-in after which a session ends however active it is.</summary>
    public int MaxHours { get; set; } = 8;

    /// <summary>The OpenID Connect provider's issuer URL; empty when none is configured.</summary>
    public string? OidcAuthority { get; set; }

    /// <summary>This app's client id at the provider.</summary>
    public string? OidcClientId { get; set; }

    /// <summary>This app's client secret at the provider (from a secret store, never the repository).</summary>
    public string? OidcClientSecret { get; set; }

    /// <summary>The claim the provider puts the Tessera role in (e.g. "Administrator", "DataPartner").</summary>
    public string OidcRoleClaim { get; set; } = "tessera_role";

    /// <summary>The claim (repeated) naming the sources, contracts or provider the role is limited to.</summary>
    public string OidcScopeClaim { get; set; } = "tessera_scope";
}
