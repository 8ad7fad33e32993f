using Tessera.Core.Contracting;

namespace Tessera.Contracts.Providers;

/// <summary>
/// A contracted service organisation, as the registry knows it: its id and name, its kind, the
/// program it is compared within, the agencies it works for, and how each agency's data names it.
/// </summary>
/// <param name="Id">Its registry id, e.g. <c>WF01</c>.</param>
/// <param name="Name">Its name, e.g. "Northside Training".</param>
/// <param name="Type">What kind of organisation, e.g. "nonprofit" (optional).</param>
/// <param name="Program">The program's id, e.g. <c>job-training</c>.</param>
/// <param name="Agencies">The agencies (sources) it works for.</param>
/// <param name="Identifiers">How the agencies' data name it (the crosswalk).</param>
public sealed record Provider(ProviderId Id, string Name, string? Type, string Program, IReadOnlyList<string> Agencies, IReadOnlyList<ProviderIdentifier> Identifiers)
{
    /// <summary>True when <paramref name="other"/> says the same (lists compared in order).</summary>
    public bool SameAs(Provider other) =>
        other is not null && Id == other.Id && Name == other.Name && Type == other.Type && Program == other.Program
        && Agencies.SequenceEqual(other.Agencies, StringComparer.Ordinal) && Identifiers.SequenceEqual(other.Identifiers);
}
