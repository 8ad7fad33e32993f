namespace Tessera.Contracts.Planning;

/// <summary>An inventory item is a contract in force or an upcoming procurement.</summary>
public enum InventoryKind
{
    /// <summary>A current contract, up for renewal on its date.</summary>
    Contract,

    /// <summary>An upcoming procurement (RFP), issued on its date.</summary>
    Procurement,
}
