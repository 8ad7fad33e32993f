using Tessera.Governance.Agreements;

namespace Tessera.Storage.Agreements;

/// <summary>
/// One agreement in full, as its page shows it: where it stands, its text (the eMOU, data sharing
/// agreement or licence), who approved this version and when, the community advisory team's
/// consultation and any revocation.
/// </summary>
/// <param name="Standing">Where it stands today.</param>
/// <param name="Emou">The eMOU, when it is one.</param>
/// <param name="Dsa">The data sharing agreement, when it is one.</param>
/// <param name="Dul">The data use licence, when it is one.</param>
/// <param name="Approvals">Who approved this version, when, and who recorded it.</param>
/// <param name="ConsultedOn">When the community advisory team was consulted, if it was.</param>
/// <param name="ConsultationNeeded">True for a licence the eMOU wants the community advisory team consulted on.</param>
/// <param name="RevokedOn">When it was revoked, if it was.</param>
/// <param name="Dependants">For a data sharing agreement: the licences using its sources (cut off with it).</param>
public sealed record AgreementDetail(
    AgreementStanding Standing, Emou? Emou, DataSharingAgreement? Dsa, DataUseLicence? Dul, IReadOnlyList<AgreementApproval> Approvals,
    DateOnly? ConsultedOn, bool ConsultationNeeded, DateOnly? RevokedOn, IReadOnlyList<string> Dependants);

/// <summary>One party's approval of an agreement's version.</summary>
public sealed record AgreementApproval(string Party, DateOnly On, string By);
