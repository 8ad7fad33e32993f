namespace Tessera.Intake.Validation;

/// <summary>Which rule of the dictionary a value broke; the names appear in quarantine and quality reports.</summary>
public enum RuleBroken
{
    /// <summary>Nothing: the value is valid (or empty and optional).</summary>
    None,

    /// <summary>A required value is empty.</summary>
    Required,

    /// <summary>Not a number, or not a date in the expected format, or a date that does not exist.</summary>
    Type,

    /// <summary>Not in the field's code list.</summary>
    Code,

    /// <summary>Outside the field's min–max range.</summary>
    Range,

    /// <summary>Longer than the field's max_length.</summary>
    Length,

    /// <summary>A date after the day of ingest where the field does not allow future dates.</summary>
    Future,

    /// <summary>The row has more or fewer fields than the header.</summary>
    Structure,

    /// <summary>Another row of the same delivery has the same primary key.</summary>
    DuplicateKey,

    /// <summary>The row names a row of another file that has not been delivered.</summary>
    Reference,
}
