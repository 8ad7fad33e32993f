namespace Tessera.Governance.Agreements;

/// <summary>
/// What has happened to an agreement since it was written: who approved it and when, when the
/// community advisory team was consulted, and whether it was revoked.
/// </summary>
/// <param name="Approvals">Each approving party with the day it approved.</param>
/// <param name="CommunityConsultedOn">The day the community advisory team's consultation was recorded, if it was.</param>
/// <param name="RevokedOn">The day it was revoked, if it was.</param>
public sealed record AgreementState(IReadOnlyDictionary<string, DateOnly> Approvals, DateOnly? CommunityConsultedOn = null, DateOnly? RevokedOn = null)
{
    /// <summary>Nothing yet: a fresh draft.</summary>
    public static AgreementState New { get; } = new(new Dictionary<string, DateOnly>());
}
