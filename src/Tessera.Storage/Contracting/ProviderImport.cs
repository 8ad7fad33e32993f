namespace Tessera.Storage.Contracting;

/// <summary>What an import of providers changed.</summary>
/// <param name="Added">Providers new to the registry.</param>
/// <param name="Changed">Providers whose name, type, program, agencies or codes changed (a new version each).</param>
/// <param name="Unchanged">Providers the file says the same about as the registry.</param>
/// <param name="ProgramsAdded">Programs new to the registry.</param>
public sealed record ProviderImport(IReadOnlyList<string> Added, IReadOnlyList<string> Changed, IReadOnlyList<string> Unchanged, IReadOnlyList<string> ProgramsAdded);
