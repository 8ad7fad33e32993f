namespace Tessera.Governance.Access;

/// <summary>
/// The one authorisation policy every page, endpoint, export and command asks. Two questions:
/// may this role use the capability at all, and — for things that belong to a source — is the
/// source inside the user's scope. Administrators see every row; data partners only their
/// agency's sources; nothing person-level is open to anyone else yet.
/// </summary>
public static class AccessPolicy
{
    private static readonly Dictionary<Role, HashSet<Capability>> Allowed = new()
    {
        [Role.Public] = [Capability.ReadReference],
        [Role.Administrator] = [.. Enum.GetValues<Capability>()],
        [Role.DataPartner] = [Capability.ReadReference, Capability.ViewOverview, Capability.ViewInbox, Capability.ListDeliveries, Capability.ViewDeliveryQuality, Capability.ViewQuarantine, Capability.Deliver, Capability.RunHudReports, Capability.ViewMetrics,
            Capability.ViewAgreements, Capability.ApproveAgreements],
        [Role.ContractManager] = [Capability.ReadReference, Capability.ViewOverview, Capability.ViewMetrics, Capability.ViewContracts, Capability.ManageContracts, Capability.ViewPayments, Capability.PreparePayments,
            Capability.ViewManagement, Capability.RunManagement, Capability.UpdateActionItems, Capability.ReviewCaseFiles, Capability.FileFrontlineReport, Capability.ViewFrontlineReports,
            Capability.ViewPlanning, Capability.RunPlanning],
        [Role.Analyst] = [Capability.ReadReference, Capability.ViewOverview, Capability.ListDeliveries, Capability.ViewDeliveryQuality, Capability.ViewLinkage, Capability.ViewMetrics, Capability.ViewAgreements, Capability.BuildReleases, Capability.RunEvaluations,
            Capability.ViewPlanning],
        [Role.ProviderStaff] = [Capability.ReadReference, Capability.ViewContracts, Capability.ViewPayments, Capability.ViewManagement, Capability.UpdateActionItems, Capability.DeliverServiceData],
        [Role.Caseworker] = [Capability.ReadReference, Capability.FileFrontlineReport],
        [Role.Finance] = [Capability.ReadReference, Capability.ViewContracts, Capability.ViewPayments, Capability.ApprovePayments],
    };

    /// <summary>True when <paramref name="user"/>'s role may use <paramref name="capability"/> at all.</summary>
    public static bool Permits(AccessUser user, Capability capability)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Allowed[user.Role].Contains(capability);
    }

    /// <summary>True when <paramref name="user"/> may use <paramref name="capability"/> on something of <paramref name="source"/>.</summary>
    public static bool Permits(AccessUser user, Capability capability, string source)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Permits(user, capability) && SeesSource(user, source);
    }

    /// <summary>The sources whose rows <paramref name="user"/> sees, for limiting queries: null for all.</summary>
    public static IReadOnlySet<string>? SourceScope(AccessUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Role switch
        {
            Role.Administrator or Role.Analyst or Role.ContractManager => null,
            Role.DataPartner => user.Scope.Sources,
            _ => AccessScope.None.Sources,
        };
    }

    /// <summary>True when <paramref name="user"/> sees the provider <paramref name="provider"/>: provider staff their own only; those who manage or study contracts every one.</summary>
    public static bool SeesProvider(AccessUser user, string provider)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Role switch
        {
            Role.Administrator or Role.ContractManager or Role.Finance or Role.Analyst => true,
            Role.ProviderStaff => user.Scope.Providers.Contains(provider),
            _ => false,
        };
    }

    /// <summary>
    /// True when <paramref name="user"/> sees the contract <paramref name="contract"/> that
    /// <paramref name="agency"/> holds with <paramref name="provider"/>: administrators every one,
    /// contract managers and finance officers their agency's, provider staff their provider's,
    /// anyone a contract named in their scope.
    /// </summary>
    public static bool SeesContract(AccessUser user, string contract, string agency, string provider)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Scope.Contracts.Contains(contract) || user.Role switch
        {
            Role.Administrator => true,
            Role.ContractManager or Role.Finance => user.Scope.Sources.Contains(agency),
            Role.ProviderStaff => user.Scope.Providers.Contains(provider),
            _ => false,
        };
    }

    /// <summary>
    /// True when <paramref name="user"/> sees the planning (rapid assessments, inventory) of
    /// <paramref name="agency"/>: administrators and analysts every agency's, contract managers
    /// their own agency's.
    /// </summary>
    public static bool SeesPlansOf(AccessUser user, string agency)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Role switch
        {
            Role.Administrator or Role.Analyst => true,
            Role.ContractManager => user.Scope.Sources.Contains(agency),
            _ => false,
        };
    }

    /// <summary>
    /// True when <paramref name="user"/> sees payment statements before they are approved: those who
    /// prepare or approve them. A provider sees a statement once it is approved — what it will be
    /// paid — never a draft that may still change.
    /// </summary>
    public static bool SeesUnapprovedStatements(AccessUser user) => Permits(user, Capability.PreparePayments) || Permits(user, Capability.ApprovePayments);

    /// <summary>
    /// True when <paramref name="user"/> may approve an agreement as <paramref name="party"/>: a data
    /// partner as one of its own sources; an administrator as any party (recording an approval given
    /// on paper) and as the review body.
    /// </summary>
    public static bool ApprovesAs(AccessUser user, string party)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Permits(user, Capability.ApproveAgreements) && (user.Role == Role.Administrator || (user.Role == Role.DataPartner && user.Scope.Sources.Contains(party)));
    }

    /// <summary>True when <paramref name="user"/>'s rows include <paramref name="source"/>'s: all for administrators and analysts (aggregates only), the own agency's for data partners.</summary>
    public static bool SeesSource(AccessUser user, string source)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Role switch
        {
            Role.Administrator or Role.Analyst or Role.ContractManager => true,
            Role.DataPartner => user.Scope.Sources.Contains(source),
            _ => false,
        };
    }
}
