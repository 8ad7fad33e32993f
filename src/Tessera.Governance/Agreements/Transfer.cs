namespace Tessera.Governance.Agreements;

/// <summary>How a data partner sends identifiers to the hub under its data sharing agreement.</summary>
public enum Transfer
{
    /// <summary>Identifiers in plain text, encrypted by the hub on arrival.</summary>
    Plaintext,

    /// <summary>Identifiers the partner encoded itself (keyed Bloom filters) before sending.</summary>
    Encoded,
}
