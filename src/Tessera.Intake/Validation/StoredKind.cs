namespace Tessera.Intake.Validation;

/// <summary>What a <see cref="StoredValue"/> holds.</summary>
public enum StoredKind
{
    /// <summary>No value.</summary>
    Null,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A decimal number.</summary>
    Decimal,

    /// <summary>A calendar date.</summary>
    Date,

    /// <summary>A date and time.</summary>
    Timestamp,

    /// <summary>Text.</summary>
    Text,
}
