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
}
