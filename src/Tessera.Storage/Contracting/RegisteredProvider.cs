using Tessera.Contracts.Providers;

namespace Tessera.Storage.Contracting;

/// <summary>A provider as the registry holds it: the provider, its program's name, its version and who changed it last, when.</summary>
public sealed record RegisteredProvider(Provider Provider, string ProgramName, int Version, DateTime UpdatedUtc, string UpdatedBy);
