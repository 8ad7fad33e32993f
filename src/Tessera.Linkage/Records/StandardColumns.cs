using System.Collections.Frozen;

namespace Tessera.Linkage.Records;

/// <summary>The header names of the <see cref="StandardColumn"/>s and the record id column.</summary>
public static class StandardColumns
{
    /// <summary>The header of the column holding each record's id when no other is named.</summary>
    public const string RecordId = "record_id";

    private static readonly FrozenDictionary<string, StandardColumn> ByName = new Dictionary<string, StandardColumn>(StringComparer.OrdinalIgnoreCase)
    {
        ["given_name"] = StandardColumn.GivenName,
        ["middle_name"] = StandardColumn.MiddleName,
        ["family_name"] = StandardColumn.FamilyName,
        ["full_name"] = StandardColumn.FullName,
        ["birth_date"] = StandardColumn.BirthDate,
        ["sex"] = StandardColumn.Sex,
        ["ssn"] = StandardColumn.Ssn,
        ["street"] = StandardColumn.Street,
        ["city"] = StandardColumn.City,
        ["zip"] = StandardColumn.Zip,
        ["phone"] = StandardColumn.Phone,
        ["email"] = StandardColumn.Email,
        ["adult_in_year"] = StandardColumn.AdultInYear,
        ["clk"] = StandardColumn.Clk,
        ["given_name_clk"] = StandardColumn.GivenNameClk,
        ["middle_name_clk"] = StandardColumn.MiddleNameClk,
        ["family_name_clk"] = StandardColumn.FamilyNameClk,
        ["birth_date_clk"] = StandardColumn.BirthDateClk,
        ["street_clk"] = StandardColumn.StreetClk,
        ["phone_clk"] = StandardColumn.PhoneClk,
        ["email_clk"] = StandardColumn.EmailClk,
        ["ssn_clk"] = StandardColumn.SsnClk,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Number of standard columns.</summary>
    public static int Count { get; } = Enum.GetValues<StandardColumn>().Length;

    /// <summary>Every header name the linker understands, in the documented order.</summary>
    public static IReadOnlyList<string> Names { get; } = ByName.OrderBy(p => p.Value).Select(p => p.Key).ToArray();

    /// <summary>The standard column a header names, if any ("Given_Name" and "given_name" alike).</summary>
    public static bool TryParse(string header, out StandardColumn column) => ByName.TryGetValue(header.Trim(), out column);

    /// <summary>The columns that hold keyed Bloom filters (clk, given_name_clk …) rather than values.</summary>
    public static IReadOnlyList<StandardColumn> BloomFilters { get; } =
        [StandardColumn.Clk, StandardColumn.GivenNameClk, StandardColumn.MiddleNameClk, StandardColumn.FamilyNameClk, StandardColumn.BirthDateClk, StandardColumn.StreetClk, StandardColumn.PhoneClk, StandardColumn.EmailClk, StandardColumn.SsnClk];

    /// <summary>
    /// The plain column a Bloom-filter column encodes (<c>family_name_clk</c> → <c>family_name</c>),
    /// so rules about households and namesakes treat an encoded family name like a plain one; the
    /// column itself for plain columns and for <c>clk</c>, which holds several.
    /// </summary>
    public static StandardColumn Plain(StandardColumn column) => column switch
    {
        StandardColumn.GivenNameClk => StandardColumn.GivenName,
        StandardColumn.MiddleNameClk => StandardColumn.MiddleName,
        StandardColumn.FamilyNameClk => StandardColumn.FamilyName,
        StandardColumn.BirthDateClk => StandardColumn.BirthDate,
        StandardColumn.StreetClk => StandardColumn.Street,
        StandardColumn.PhoneClk => StandardColumn.Phone,
        StandardColumn.EmailClk => StandardColumn.Email,
        StandardColumn.SsnClk => StandardColumn.Ssn,
        _ => column,
    };

    /// <summary>The header name of <paramref name="column"/>.</summary>
    public static string NameOf(StandardColumn column) => Names[(int)column];
}
