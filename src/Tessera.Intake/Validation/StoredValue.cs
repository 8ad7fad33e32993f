namespace Tessera.Intake.Validation;

/// <summary>A validated field value in the form it is stored: null, whole number, decimal, date, timestamp or text.</summary>
public readonly record struct StoredValue(StoredKind Kind, long Integer, decimal Decimal, DateTime Time, string? Text)
{
    /// <summary>No value.</summary>
    public static StoredValue Null => default;

    /// <summary>A whole number.</summary>
    public static StoredValue Of(long value) => new(StoredKind.Integer, value, 0, default, null);

    /// <summary>A decimal number or amount.</summary>
    public static StoredValue Of(decimal value) => new(StoredKind.Decimal, 0, value, default, null);

    /// <summary>Text.</summary>
    public static StoredValue Of(string value) => new(StoredKind.Text, 0, 0, default, value);

    /// <summary>A calendar date.</summary>
    public static StoredValue OfDate(DateTime value) => new(StoredKind.Date, 0, 0, value, null);

    /// <summary>A date and time.</summary>
    public static StoredValue OfTimestamp(DateTime value) => new(StoredKind.Timestamp, 0, 0, value, null);

    /// <summary>True when there is no value.</summary>
    public bool IsNull => Kind == StoredKind.Null;
}
