namespace Tessera.Intake.Delivering;

/// <summary>How a column is stored in the vault.</summary>
public enum StoreType
{
    /// <summary>64-bit whole number.</summary>
    BigInt,

    /// <summary>Exact decimal (18 digits, 4 after the point).</summary>
    Decimal,

    /// <summary>Calendar date.</summary>
    Date,

    /// <summary>Date and time without time zone.</summary>
    Timestamp,

    /// <summary>Text.</summary>
    Text,

    /// <summary>An encrypted direct identifier (bytes).</summary>
    Sealed,
}
