namespace Tessera.Contracts.Providers;

/// <summary>
/// How one agency's data names a provider: the value of a field in a source, e.g. the
/// <c>workforce</c> source's <c>provider_id</c> <c>WF01</c>, or an HMIS export's <c>ProjectID</c> <c>1101</c>.
/// </summary>
/// <param name="Source">The registered source, e.g. <c>workforce</c>.</param>
/// <param name="Field">The field holding the code, e.g. <c>provider_id</c>.</param>
/// <param name="Value">The code, compared exactly.</param>
public sealed record ProviderIdentifier(string Source, string Field, string Value);
