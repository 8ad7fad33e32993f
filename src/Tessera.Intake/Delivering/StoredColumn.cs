namespace Tessera.Intake.Delivering;

/// <summary>One column of a vault table and the dictionary field it comes from.</summary>
/// <param name="Name">Column name (lower case), e.g. "dob" or "dob_year_month".</param>
/// <param name="Type">Storage type.</param>
/// <param name="Field">Dictionary field name it is filled from (any case).</param>
/// <param name="IsYearMonth">True for the plaintext "YYYY-MM" kept beside an encrypted date.</param>
/// <param name="BlindIndexOf">For a blind-index column, the standard identity it indexes (e.g. "ssn"); else null.</param>
public sealed record StoredColumn(string Name, StoreType Type, string Field, bool IsYearMonth, string? BlindIndexOf = null);
