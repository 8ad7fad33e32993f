using System.Globalization;
using System.IO.Compression;

namespace Tessera.Synthetic.Tests;

/// <summary>The homelessness deliveries are real HMIS CSV FY2024 exports (checked against the spec's file set, headers and code lists).</summary>
[Collection(CountyCollection.Name)]
public sealed class HmisExportTests(CountyFixture county)
{
    // From HUD's HMIS CSV Format Specifications FY2024, written out here independently of the generator.
    private static readonly string[] Fy2024Files =
    [
        "Export.csv", "Organization.csv", "User.csv", "Project.csv", "Funder.csv", "ProjectCoC.csv", "Inventory.csv", "Affiliation.csv",
        "HMISParticipation.csv", "CEParticipation.csv", "Client.csv", "Enrollment.csv", "Exit.csv", "IncomeBenefits.csv", "HealthAndDV.csv",
        "EmploymentEducation.csv", "Disabilities.csv", "Services.csv", "CurrentLivingSituation.csv", "Assessment.csv",
        "AssessmentQuestions.csv", "AssessmentResults.csv", "Event.csv", "YouthEducationStatus.csv",
    ];

    private const string ClientHeader = "PersonalID,FirstName,MiddleName,LastName,NameSuffix,NameDataQuality,SSN,SSNDataQuality,DOB,DOBDataQuality," +
        "AmIndAKNative,Asian,BlackAfAmerican,HispanicLatinaeo,MidEastNAfrican,NativeHIPacific,White,RaceNone,AdditionalRaceEthnicity," +
        "Woman,Man,NonBinary,CulturallySpecific,Transgender,Questioning,DifferentIdentity,GenderNone,DifferentIdentityText,VeteranStatus," +
        "YearEnteredService,YearSeparated,WorldWarII,KoreanWar,VietnamWar,DesertStorm,AfghanistanOEF,IraqOIF,IraqOND,OtherTheater," +
        "MilitaryBranch,DischargeStatus,DateCreated,DateUpdated,UserID,DateDeleted,ExportID";

    private const string ExitHeaderStart = "ExitID,EnrollmentID,PersonalID,ExitDate,Destination,DestinationSubsidyType,OtherDestination";
    private const string EnrollmentHeaderStart = "EnrollmentID,PersonalID,ProjectID,EntryDate,HouseholdID,RelationshipToHoH,EnrollmentCoC,LivingSituation,RentalSubsidyType";
    private const string ExportHeader = "ExportID,SourceType,SourceID,SourceName,SourceContactFirst,SourceContactLast,SourceContactPhone,SourceContactExtension," +
        "SourceContactEmail,ExportDate,ExportStartDate,ExportEndDate,SoftwareName,SoftwareVersion,CSVVersion,ExportPeriodType,ExportDirective,HashStatus,ImplementationID";

    private static readonly HashSet<int> Fy2024LivingSituations =
    [
        116, 101, 118, 215, 206, 207, 225, 204, 205, 302, 329, 314, 332, 312, 313, 327, 336, 335, 422, 423, 426, 410, 435, 421, 411, 8, 9, 99, 17, 24, 30,
    ];

    private IEnumerable<string> Zips => Directory.GetDirectories(Path.Combine(county.Root, "homelessness")).Order(StringComparer.Ordinal)
        .Select(d => Directory.GetFiles(d, "*.zip").Single());

    [Fact]
    public void Every_month_has_one_export_with_the_full_FY2024_file_set()
    {
        Assert.Equal(county.Options.Months, Zips.Count());
        foreach (var zip in Zips)
        {
            using var archive = ZipFile.OpenRead(zip);
            Assert.Equal(Fy2024Files.Order(StringComparer.Ordinal), archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Headers_match_the_FY2024_specification()
    {
        var zip = Zips.First();
        using var archive = ZipFile.OpenRead(zip);
        string HeaderOf(string name)
        {
            using var reader = new StreamReader(archive.GetEntry(name)!.Open());
            return reader.ReadLine()!;
        }

        Assert.Equal(ClientHeader, HeaderOf("Client.csv"));
        Assert.Equal(ExportHeader, HeaderOf("Export.csv"));
        Assert.StartsWith(EnrollmentHeaderStart, HeaderOf("Enrollment.csv"), StringComparison.Ordinal);
        Assert.EndsWith("TranslationNeeded,PreferredLanguage,PreferredLanguageDifferent,DateCreated,DateUpdated,UserID,DateDeleted,ExportID", HeaderOf("Enrollment.csv"), StringComparison.Ordinal);
        Assert.StartsWith(ExitHeaderStart, HeaderOf("Exit.csv"), StringComparison.Ordinal);
    }

    [Fact]
    public void Export_row_declares_the_FY2024_version_and_full_then_delta_directives()
    {
        var exports = Zips.Select(z => Csv.ReadZipEntry(z, "Export.csv").Single()).ToList();
        Assert.All(exports, e => Assert.StartsWith("2024 v1.", e["CSVVersion"], StringComparison.Ordinal));
        Assert.Equal("2", exports[0]["ExportDirective"]);
        Assert.All(exports.Skip(1), e => Assert.Equal("1", e["ExportDirective"]));
        Assert.Equal(exports.Count, exports.Select(e => e["ExportID"]).Distinct().Count());
    }

    [Fact]
    public void Values_come_from_HUD_code_lists_and_references_resolve_within_each_export()
    {
        var clients = 0;
        foreach (var zip in Zips)
        {
            var exportId = Csv.ReadZipEntry(zip, "Export.csv").Single()["ExportID"];
            var projectTypes = Csv.ReadZipEntry(zip, "Project.csv").ToDictionary(p => p["ProjectID"], p => int.Parse(p["ProjectType"], CultureInfo.InvariantCulture));
            Assert.Subset(new HashSet<int> { 0, 1, 2, 3, 4, 13 }, projectTypes.Values.ToHashSet());

            var client = Csv.ReadZipEntry(zip, "Client.csv");
            clients += client.Count;
            var personalIds = client.Select(c => c["PersonalID"]).ToHashSet();
            Assert.Equal(client.Count, personalIds.Count);
            foreach (var c in client)
            {
                Assert.Contains(c["SSNDataQuality"], new[] { "1", "2", "8", "9", "99" });
                Assert.Contains(c["DOBDataQuality"], new[] { "1", "2", "8", "9", "99" });
                Assert.Contains(c["BlackAfAmerican"], new[] { "0", "1" });
                Assert.Contains(c["Woman"], new[] { "0", "1" });
                Assert.True(c["SSN"].Length is 0 or 9, "SSN is nine characters or empty");
                if (c["DOB"].Length > 0)
                {
                    Assert.True(DateOnly.TryParseExact(c["DOB"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
                }

                Assert.Equal(exportId, c["ExportID"]);
            }

            foreach (var e in Csv.ReadZipEntry(zip, "Enrollment.csv"))
            {
                Assert.Contains(e["PersonalID"], personalIds);
                Assert.True(projectTypes.ContainsKey(e["ProjectID"]));
                Assert.Contains(e["RelationshipToHoH"], new[] { "1", "2", "3", "4", "5" });
                if (e["LivingSituation"].Length > 0)
                {
                    Assert.Contains(int.Parse(e["LivingSituation"], CultureInfo.InvariantCulture), Fy2024LivingSituations);
                }
            }

            foreach (var x in Csv.ReadZipEntry(zip, "Exit.csv"))
            {
                var destination = int.Parse(x["Destination"], CultureInfo.InvariantCulture);
                Assert.Contains(destination, Fy2024LivingSituations);
                Assert.Equal(destination == 435, x["DestinationSubsidyType"].Length > 0);
            }
        }

        Assert.True(clients > 1000, $"only {clients} client rows");
    }
}
