using Tessera.Governance.Access;

namespace Tessera.Web.Identity;

/// <summary>
/// Seeded users, one per role and a staff user per registered provider, for the demo and for
/// development: signed in by choosing one, no password. Off unless the server was started for a demo (<see cref="IdentityOptions.DemoUsers"/>),
/// so a real deployment signs people in only through its OpenID Connect provider.
/// </summary>
public static class DemoUsers
{
    /// <summary>Every demo user.</summary>
    public static IReadOnlyList<DemoUser> All { get; } =
    [
        new("admin@demo", "IDS administrator", Role.Administrator, AccessScope.None),
        new("hmis-lead@demo", "Data partner: homelessness (HMIS lead)", Role.DataPartner, AccessScope.OfSources(["homelessness"])),
        new("benefits-data@demo", "Data partner: benefits agency", Role.DataPartner, AccessScope.OfSources(["benefits"])),
        new("workforce-data@demo", "Data partner: workforce agency", Role.DataPartner, AccessScope.OfSources(["workforce"])),
        new("contracts@demo", "Contract manager: workforce agency", Role.ContractManager, AccessScope.OfSources(["workforce"])),
        new("analyst@demo", "Analyst", Role.Analyst, AccessScope.None),
        new("provider@demo", "Provider staff: Pathways Works (WF01)", Role.ProviderStaff, AccessScope.OfProviders(["WF01"])),
        new("caseworker@demo", "Frontline caseworker", Role.Caseworker, AccessScope.None),
        new("finance@demo", "Finance officer: workforce agency", Role.Finance, AccessScope.OfSources(["workforce"])),
    ];

    /// <summary>A staff user for each of <paramref name="providers"/>: <c>staff-es01@demo</c> sees Riverton Rescue Mission (ES01) only.</summary>
    public static IReadOnlyList<DemoUser> ProviderStaff(IEnumerable<(string Id, string Name)> providers) =>
        [.. providers.Select(p => new DemoUser($"staff-{p.Id.ToLowerInvariant()}@demo", $"Provider staff: {p.Name} ({p.Id})", Role.ProviderStaff, AccessScope.OfProviders([p.Id])))];
}

/// <summary>One seeded user.</summary>
public sealed record DemoUser(string Name, string Description, Role Role, AccessScope Scope);
