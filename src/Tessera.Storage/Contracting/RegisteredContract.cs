using Tessera.Contracts.Agreements;

namespace Tessera.Storage.Contracting;

/// <summary>A contract as the registry holds it: the contract, its version, who changed it last and when.</summary>
public sealed record RegisteredContract(Contract Contract, int Version, DateTime UpdatedUtc, string UpdatedBy);
