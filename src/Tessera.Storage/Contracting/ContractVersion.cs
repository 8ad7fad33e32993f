namespace Tessera.Storage.Contracting;

/// <summary>One version of a contract as it was stored: its content (JSON, targets with who proposed them, when agreed and why), who changed it, when and why.</summary>
public sealed record ContractVersion(int Version, string Content, DateTime ChangedUtc, string ChangedBy, string Reason);
