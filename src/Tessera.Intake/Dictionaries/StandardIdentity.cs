namespace Tessera.Intake.Dictionaries;

/// <summary>
/// The standard identity columns that linkage compares, whatever each agency calls them: a
/// dictionary maps e.g. benefits' <c>first_name</c> and HMIS's <c>FirstName</c> both to
/// <c>given_name</c>.
/// </summary>
public static class StandardIdentity
{
    /// <summary>All standard identity column names, in the order linkage reads them.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["given_name", "middle_name", "family_name", "full_name", "name_suffix", "birth_date", "sex", "ssn", "street", "city", "zip", "phone", "adult_in_year",
         "clk", "given_name_clk", "middle_name_clk", "family_name_clk", "birth_date_clk", "street_clk", "phone_clk", "email_clk", "ssn_clk"];

    /// <summary>
    /// Columns holding identifiers the agency encoded as keyed Bloom filters (fields of type
    /// <c>bloom_filter</c>): <c>clk</c> for a filter of several fields, <c>family_name_clk</c> and
    /// the like for one field each.
    /// </summary>
    public static IReadOnlySet<string> Encoded { get; } =
        new HashSet<string>(["clk", "given_name_clk", "middle_name_clk", "family_name_clk", "birth_date_clk", "street_clk", "phone_clk", "email_clk", "ssn_clk"], StringComparer.Ordinal);

    /// <summary>
    /// Columns that identify a person on their own and therefore must be marked
    /// <see cref="Sensitivity.DirectIdentifier"/>. Encoded identifiers count: a Bloom filter of a
    /// name can be re-identified by frequency attacks, so it is stored encrypted like the name.
    /// </summary>
    public static IReadOnlySet<string> Direct { get; } =
        new HashSet<string>(["given_name", "middle_name", "family_name", "full_name", "birth_date", "ssn", "street", "phone", .. Encoded], StringComparer.Ordinal);
}
