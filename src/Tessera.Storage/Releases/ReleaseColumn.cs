using Tessera.Governance.Releases;

namespace Tessera.Storage.Releases;

/// <summary>
/// One column of a released file and how it is made: the person's pseudonym, a record code drawn
/// for this release, a field as it is, or an identifier as the release level allows it; with the
/// hierarchy k-anonymity generalises it by when it is a quasi-identifier.
/// </summary>
/// <param name="Name">The column's name in the released file.</param>
/// <param name="Field">The dictionary field it comes from (null for the person column).</param>
/// <param name="Use">How it is made.</param>
/// <param name="Kind">The identifier kind Safe Harbor treats it as, if any.</param>
/// <param name="Encrypted">True when the field is stored sealed (its plaintext year-month, or the opened envelope, is read).</param>
/// <param name="Quasi">Its generalisation hierarchy when it is a quasi-identifier.</param>
/// <param name="Treatment">What was done, in words, for the manifest.</param>
internal sealed record ReleaseColumn(string Name, string? Field, ColumnUse Use, IdentifierKind? Kind, bool Encrypted, Hierarchy? Quasi, string Treatment);

/// <summary>How a released column is made.</summary>
internal enum ColumnUse
{
    /// <summary>The person's pseudonym, drawn at random for this release.</summary>
    Person,

    /// <summary>A record's code (an enrolment number), drawn at random for this release; the same value gets the same code in every file of it.</summary>
    Code,

    /// <summary>The value as delivered.</summary>
    Value,

    /// <summary>An identifier as the release level allows it (a year, a ZIP3).</summary>
    Identifier,
}
