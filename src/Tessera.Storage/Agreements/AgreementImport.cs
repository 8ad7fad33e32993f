namespace Tessera.Storage.Agreements;

/// <summary>What an import of an agreements file changed, by agreement id.</summary>
/// <param name="Added">Agreements new to the workspace.</param>
/// <param name="Changed">Agreements whose text changed: each a new version, to be approved afresh.</param>
/// <param name="Unchanged">Agreements as they were.</param>
public sealed record AgreementImport(IReadOnlyList<string> Added, IReadOnlyList<string> Changed, IReadOnlyList<string> Unchanged);
