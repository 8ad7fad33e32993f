using Tessera.Governance.Agreements;
using Tessera.Governance.Releases;

namespace Tessera.Governance.Tests;

/// <summary>
/// Safe Harbor and the limited data set, one fixture value per identifier kind (45 CFR 164.514;
/// HHS de-identification guidance, 2012): what each level keeps, the ZIP3 rule for areas of
/// 20,000 people or fewer, and ages and birth years at the 89/90 boundary.
/// </summary>
public sealed class SafeHarborTests
{
    private static readonly DateOnly ReleaseDay = new(2025, 6, 30);

    public static TheoryData<IdentifierKind, string, string?, string?> Fixture => new()
    {
        // kind, value, de-identified, limited
        { IdentifierKind.Name, "ADA LOVELACE", null, null },
        { IdentifierKind.StreetAddress, "12 Main St", null, null },
        { IdentifierKind.City, "Riverton", null, "Riverton" },
        { IdentifierKind.Zip, "60614-2210", "606", "60614-2210" },
        { IdentifierKind.BirthDate, "1985-12-10", "1985", "1985-12-10" },
        { IdentifierKind.Date, "2024-03-04", "2024", "2024-03-04" },
        { IdentifierKind.Age, "39", "39", "39" },
        { IdentifierKind.Phone, "(555) 123-4567", null, null },
        { IdentifierKind.Fax, "555-123-4568", null, null },
        { IdentifierKind.Email, "ada@example.org", null, null },
        { IdentifierKind.Ssn, "123-45-6789", null, null },
        { IdentifierKind.MedicalRecordNumber, "MRN0042", null, null },
        { IdentifierKind.HealthPlanNumber, "HP-99812", null, null },
        { IdentifierKind.AccountNumber, "ACC-7731", null, null },
        { IdentifierKind.LicenceNumber, "D1234-5678", null, null },
        { IdentifierKind.VehicleIdentifier, "1HGCM82633A004352", null, null },
        { IdentifierKind.DeviceIdentifier, "SN-4471-AB", null, null },
        { IdentifierKind.Url, "https://example.org/ada", null, null },
        { IdentifierKind.IpAddress, "203.0.113.7", null, null },
        { IdentifierKind.Biometric, "fingerprint:ab12", null, null },
        { IdentifierKind.Photograph, "photo-0042.jpg", null, null },
        { IdentifierKind.OtherUniqueIdentifier, "WP0063267486489", null, null },
    };

    [Theory]
    [MemberData(nameof(Fixture))]
    public void Each_identifier_kind_is_removed_or_generalised_as_its_level_says(IdentifierKind kind, string value, string? deidentified, string? limited)
    {
        Assert.Equal(deidentified, SafeHarbor.Apply(kind, ReleaseLevel.Deidentified, value, ReleaseDay));
        Assert.Equal(limited, SafeHarbor.Apply(kind, ReleaseLevel.Limited, value, ReleaseDay));
    }

    [Fact]
    public void Every_identifier_kind_has_a_fixture_value()
    {
        Assert.Equal(Enum.GetValues<IdentifierKind>().Order(), Fixture.Select(row => (IdentifierKind)row[0]).Order());
    }

    [Theory]
    [InlineData("03601", "000")]  // a three-digit area of 20,000 people or fewer (2000 Census)
    [InlineData("89301", "000")]
    [InlineData("82301", "000")]
    [InlineData("03701", "037")]  // its neighbour is not
    [InlineData("10200", "000")]
    [InlineData("10001", "100")]
    [InlineData("6", "000")]      // not a ZIP code
    public void A_zip_code_keeps_three_digits_unless_its_area_is_sparse(string zip, string released)
    {
        Assert.Equal(released, SafeHarbor.Apply(IdentifierKind.Zip, ReleaseLevel.Deidentified, zip, ReleaseDay));
        Assert.Equal(17, SafeHarbor.SparseZip3.Count);
    }

    [Theory]
    [InlineData("89", "89")]
    [InlineData("90", "90 or older")]
    [InlineData("104", "90 or older")]
    public void Ages_over_89_are_grouped(string age, string released)
    {
        Assert.Equal(released, SafeHarbor.Apply(IdentifierKind.Age, ReleaseLevel.Deidentified, age, ReleaseDay));
        Assert.Equal(age, SafeHarbor.Apply(IdentifierKind.Age, ReleaseLevel.Limited, age, ReleaseDay));
    }

    [Theory]
    [InlineData("1935-07-01", "1935")]        // 89 on the release day
    [InlineData("1935-06-30", "90 or older")] // 90 that day: the birth year would reveal the age
    [InlineData("1920-01-01", "90 or older")]
    public void Birth_years_that_reveal_an_age_over_89_are_grouped_too(string born, string released)
    {
        Assert.Equal(released, SafeHarbor.Apply(IdentifierKind.BirthDate, ReleaseLevel.Deidentified, born, ReleaseDay));
    }

    [Fact]
    public void An_empty_or_unreadable_value_is_released_empty()
    {
        Assert.Null(SafeHarbor.Apply(IdentifierKind.Date, ReleaseLevel.Deidentified, "not a date", ReleaseDay));
        Assert.Null(SafeHarbor.Apply(IdentifierKind.Zip, ReleaseLevel.Limited, "  ", ReleaseDay));
    }
}
