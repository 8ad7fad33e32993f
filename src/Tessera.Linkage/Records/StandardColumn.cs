namespace Tessera.Linkage.Records;

/// <summary>
/// The identity columns the linker understands, whatever a source calls them. A CSV file for
/// <c>tessera linkage run</c> uses these names as its header (any subset, any order).
/// </summary>
public enum StandardColumn
{
    /// <summary><c>given_name</c>: first name, e.g. "Maria".</summary>
    GivenName,

    /// <summary><c>middle_name</c>: middle name or initial.</summary>
    MiddleName,

    /// <summary><c>family_name</c>: surname, e.g. "Garcia-Lopez".</summary>
    FamilyName,

    /// <summary><c>full_name</c>: a whole name in one field, "LAST, FIRST M" or "First M Last".</summary>
    FullName,

    /// <summary><c>birth_date</c>: date of birth in any common format.</summary>
    BirthDate,

    /// <summary><c>sex</c>: M/F, Male/Female.</summary>
    Sex,

    /// <summary><c>ssn</c>: Social Security number, with or without dashes; masked values keep their last four digits.</summary>
    Ssn,

    /// <summary><c>street</c>: street address with house number and unit.</summary>
    Street,

    /// <summary><c>city</c>: city, town or suburb.</summary>
    City,

    /// <summary><c>zip</c>: ZIP code or postcode.</summary>
    Zip,

    /// <summary><c>phone</c>: telephone number.</summary>
    Phone,

    /// <summary><c>email</c>: e-mail address.</summary>
    Email,

    /// <summary>
    /// <c>adult_in_year</c>: a year in which the record shows the person doing what only an adult
    /// does — a UI wage record's year. Used as a conflict, not a match: a child born in 2018 cannot
    /// be the worker paid in 2024, however alike the names.
    /// </summary>
    AdultInYear,

    /// <summary>
    /// <c>clk</c>: a cryptographic long-term key — one keyed Bloom filter holding several of the
    /// record's identifiers, base64-encoded as clkhash writes it (e.g. 1,024 bits of name, birth
    /// date and city bigrams). Compared by Dice similarity; the hub never sees the values.
    /// </summary>
    Clk,

    /// <summary><c>given_name_clk</c>: the given name alone as a keyed Bloom filter (base64).</summary>
    GivenNameClk,

    /// <summary><c>middle_name_clk</c>: the middle name as a keyed Bloom filter (base64).</summary>
    MiddleNameClk,

    /// <summary><c>family_name_clk</c>: the family name as a keyed Bloom filter (base64).</summary>
    FamilyNameClk,

    /// <summary><c>birth_date_clk</c>: the date of birth as a keyed Bloom filter (base64).</summary>
    BirthDateClk,

    /// <summary><c>street_clk</c>: the street address as a keyed Bloom filter (base64).</summary>
    StreetClk,

    /// <summary><c>phone_clk</c>: the telephone number as a keyed Bloom filter (base64).</summary>
    PhoneClk,

    /// <summary><c>email_clk</c>: the e-mail address as a keyed Bloom filter (base64).</summary>
    EmailClk,

    /// <summary>
    /// <c>ssn_clk</c>: the Social Security number as a keyed Bloom filter (base64), for agencies
    /// that may not send it even hashed exactly; a one-digit typo still leaves most bits shared.
    /// </summary>
    SsnClk,
}
