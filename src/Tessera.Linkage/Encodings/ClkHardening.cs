namespace Tessera.Linkage.Encodings;

/// <summary>
/// Hardening beyond clkhash's schema, against attacks on the CLKs themselves (frequency analysis of
/// common names, pattern mining of filter bits). Every partner must encode with the same settings;
/// with any of them set the CLKs are no longer clkhash's byte for byte. Each costs something,
/// measured in docs/encoding.md.
/// </summary>
public sealed record ClkHardening
{
    /// <summary>
    /// A project's name, mixed into the keys: the same secret encodes a person differently for two
    /// projects, so encodings sent for one project cannot be joined with another's. Null: clkhash's keys.
    /// </summary>
    public string? Project { get; init; }

    /// <summary>
    /// A column (by the schema's identifier, often an ignored one such as a year of birth) whose
    /// value salts every token of the record: a common name salted with 1961 sets other bits than
    /// the same name salted with 1987, which breaks the name's frequency across the file. Records
    /// of one person with different salts (a year typed wrong) no longer match.
    /// </summary>
    public string? SaltColumn { get; init; }

    /// <summary>
    /// Balanced filters: the CLK followed by its complement, shuffled by a permutation derived from
    /// the secret, so every filter has exactly half its bits set and the number of set bits no
    /// longer tells a long name from a short one. Doubles the length.
    /// </summary>
    public bool Balanced { get; init; }

    /// <summary>True when nothing is set: the CLKs are clkhash's.</summary>
    public bool None => Project is null && SaltColumn is null && !Balanced;
}
