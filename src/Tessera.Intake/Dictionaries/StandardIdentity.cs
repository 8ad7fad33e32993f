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
        ["given_name", "middle_name", "family_name", "full_name", "name_suffix", "birth_date", "sex", "ssn", "street", "city", "zip", "phone", "adult_in_year"];

    /// <summary>Columns that identify a person on their own and therefore must be marked <see cref="Sensitivity.DirectIdentifier"/>.</summary>
    public static IReadOnlySet<string> Direct { get; } =
        new HashSet<string>(["given_name", "middle_name", "family_name", "full_name", "birth_date", "ssn", "street", "phone"], StringComparer.Ordinal);
}
