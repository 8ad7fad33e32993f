namespace Tessera.Storage.Contracting;

/// <summary>What an import of contracts changed.</summary>
/// <param name="Added">Contracts new to the registry.</param>
/// <param name="Changed">Contracts with any change (a new version each; earlier targets stay in the history).</param>
/// <param name="Unchanged">Contracts the file says the same about as the registry.</param>
public sealed record ContractImport(IReadOnlyList<string> Added, IReadOnlyList<string> Changed, IReadOnlyList<string> Unchanged);
