namespace Tessera.Intake.Dictionaries;

/// <summary>The kind of value a field holds, which decides how it is parsed and stored.</summary>
public enum FieldType
{
    /// <summary>Free text, stored as delivered (trimmed).</summary>
    String,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A decimal number.</summary>
    Decimal,

    /// <summary>An amount of money (decimal, at most two decimal places, no currency sign).</summary>
    Money,

    /// <summary>A calendar date in the field's <c>format</c> (default yyyy-MM-dd).</summary>
    Date,

    /// <summary>A date and time in the field's <c>format</c> (default yyyy-MM-dd HH:mm:ss).</summary>
    DateTime,

    /// <summary>
    /// An identifier encoded by the agency as a keyed Bloom filter, base64 (e.g. a clkhash CLK):
    /// linkage compares filters by similarity without ever seeing the value.
    /// </summary>
    BloomFilter,
}
