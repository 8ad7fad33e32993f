namespace Tessera.Governance.Releases;

/// <summary>
/// The kinds of identifier HIPAA's Safe Harbor method removes or generalises (45 CFR
/// 164.514(b)(2)), with geography, dates and ages split where the limited data set treats their
/// parts differently: street address and city, birth dates and other dates, ages.
/// </summary>
public enum IdentifierKind
{
    /// <summary>Names (of the person, relatives, employers, household members).</summary>
    Name,

    /// <summary>Street address, precinct, county, geocodes: geography smaller than a state other than city and ZIP.</summary>
    StreetAddress,

    /// <summary>Town or city.</summary>
    City,

    /// <summary>ZIP code.</summary>
    Zip,

    /// <summary>Date of birth.</summary>
    BirthDate,

    /// <summary>Any other date about the person (admission, service, discharge, death).</summary>
    Date,

    /// <summary>Age in years.</summary>
    Age,

    /// <summary>Telephone number.</summary>
    Phone,

    /// <summary>Fax number.</summary>
    Fax,

    /// <summary>E-mail address.</summary>
    Email,

    /// <summary>Social security number.</summary>
    Ssn,

    /// <summary>Medical record number.</summary>
    MedicalRecordNumber,

    /// <summary>Health plan beneficiary number.</summary>
    HealthPlanNumber,

    /// <summary>Account number.</summary>
    AccountNumber,

    /// <summary>Certificate or licence number.</summary>
    LicenceNumber,

    /// <summary>Vehicle identifiers and serial numbers, licence plates.</summary>
    VehicleIdentifier,

    /// <summary>Device identifiers and serial numbers.</summary>
    DeviceIdentifier,

    /// <summary>Web address (URL).</summary>
    Url,

    /// <summary>IP address.</summary>
    IpAddress,

    /// <summary>Biometric identifiers (finger and voice prints).</summary>
    Biometric,

    /// <summary>Full-face photographs and comparable images.</summary>
    Photograph,

    /// <summary>Any other unique identifying number, characteristic or code (an agency's case or client number).</summary>
    OtherUniqueIdentifier,
}
