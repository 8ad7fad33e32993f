using Tessera.Governance.Access;

namespace Tessera.Storage.Access;

/// <summary>A service account as the policy sees it.</summary>
/// <param name="Name">Its name, e.g. <c>hmis-nightly</c>; it signs in as <c>service:NAME</c>.</param>
/// <param name="Role">Data partner, contract manager or provider staff (<see cref="Role.Public"/> for a record whose role this version does not know: it may do nothing).</param>
/// <param name="Scope">The sources or providers it is limited to.</param>
/// <param name="CreatedUtc">When it was created.</param>
/// <param name="RevokedUtc">When it was revoked, if it was.</param>
public sealed record ServiceAccount(string Name, Role Role, AccessScope Scope, DateTime CreatedUtc, DateTime? RevokedUtc);
