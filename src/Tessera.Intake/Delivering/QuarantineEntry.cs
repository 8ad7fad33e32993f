using Tessera.Intake.Validation;

namespace Tessera.Intake.Delivering;

/// <summary>
/// A row set aside: where it is (file, row, column), which rule it broke and what was expected.
/// The offending value is kept encrypted when it may identify someone (a direct-identifier
/// column, or a whole ragged row), in plaintext otherwise.
/// </summary>
public sealed record QuarantineEntry(string File, long Row, string Column, RuleBroken Rule, string Expected, string? PlainValue, byte[]? SealedValue);
