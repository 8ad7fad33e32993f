using Tessera.Governance.Access;

namespace Tessera.Web.Identity;

/// <summary>
/// Seeded users, one per role, for the demo and for development: signed in by choosing one, no
/// password. Off unless the server was started for a demo (<see cref="IdentityOptions.DemoUsers"/>),
/// so a real deployment signs people in only through its OpenID Connect provider.
/// </summary>
public static class DemoUsers
{
    /// <summary>Every demo user.</summary>
    public static IReadOnlyList<DemoUser> All { get; } =
    [
        new("admin@demo", "IDS administrator", Role.Administrator, []),
        new("hmis-lead@demo", "Data partner: homelessness (HMIS lead)", Role.DataPartner, ["homelessness"]),
        new("benefits-data@demo", "Data partner: benefits agency", Role.DataPartner, ["benefits"]),
        new("contracts@demo", "Contract manager", Role.ContractManager, []),
        new("analyst@demo", "Analyst", Role.Analyst, []),
        new("provider@demo", "Provider staff", Role.ProviderStaff, []),
        new("caseworker@demo", "Frontline caseworker", Role.Caseworker, []),
    ];

    /// <summary>The demo user with <paramref name="name"/>, or null.</summary>
    public static DemoUser? Find(string? name) => All.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.Ordinal));
}

/// <summary>One seeded user.</summary>
public sealed record DemoUser(string Name, string Description, Role Role, IReadOnlyList<string> Scope);
