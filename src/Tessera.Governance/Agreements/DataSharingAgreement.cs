namespace Tessera.Governance.Agreements;

/// <summary>
/// A data partner's agreement with the hub (a DSA, or a business associate agreement): which of its
/// sources it sends, how identifiers travel, how long the hub keeps them and the day they are
/// destroyed. Expiring or revoking it cuts off every licence that uses its sources.
/// </summary>
/// <param name="Id">Its id, e.g. "dsa-hmis".</param>
/// <param name="Partner">The data partner (its source name).</param>
/// <param name="Sources">The sources it covers.</param>
/// <param name="Transfer">How identifiers travel.</param>
/// <param name="DestroyOn">The day the hub destroys the sources' keys (crypto-shredding), if set.</param>
/// <param name="Start">Its first day (the eMOU's when not given).</param>
/// <param name="End">Its last day (the destruction day, else the eMOU's, when not given).</param>
/// <param name="Retention">How long data is kept, in the agreement's words.</param>
public sealed record DataSharingAgreement(string Id, string Partner, IReadOnlyList<string> Sources, Transfer Transfer, DateOnly? DestroyOn, DateOnly? Start = null, DateOnly? End = null, string? Retention = null);
