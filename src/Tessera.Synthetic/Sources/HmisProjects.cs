using System.Globalization;
using Tessera.Core.Time;
using Tessera.Intake.Hmis;
using Tessera.Synthetic.Output;

namespace Tessera.Synthetic.Sources;

/// <summary>
/// The continuum's organisations and projects (ES, night-by-night ES, TH, SO, RRH, PSH) and the
/// descriptor files every HMIS export repeats: Organization, Project, Funder, ProjectCoC,
/// Inventory, HMISParticipation, User and Export.
/// </summary>
internal static class HmisProjects
{
    public const string CocCode = "XS-500";
    public static readonly DateOnly OperatingSince = new(2015, 1, 1);

    public static IReadOnlyList<(string Id, string Name)> Organizations { get; } =
    [
        ("ORG1", "Riverton Rescue Mission"), ("ORG2", "Harbor House Family Services"), ("ORG3", "Safe Streets Outreach"),
        ("ORG4", "Home First Partners"), ("ORG5", "County Housing Authority"),
    ];

    /// <summary>Projects: id, organisation, name, HUD ProjectType, HUD Funder code, serves families, beds.</summary>
    public static IReadOnlyList<HmisProject> Projects { get; } =
    [
        new("ES01", "ORG1", "Riverton Rescue Mission Emergency Shelter", 0, 8, false, 120),
        new("ES02", "ORG2", "Harbor House Family Shelter", 0, 8, true, 80),
        new("ES03", "ORG1", "Downtown Night Shelter", 1, 46, false, 60),
        new("ES04", "ORG2", "Lakeside Family Emergency Shelter", 0, 8, true, 50),
        new("TH01", "ORG2", "Bridges Transitional Housing", 2, 5, true, 40),
        new("SO01", "ORG3", "Safe Streets Street Outreach", 4, 11, false, 0),
        new("RRH01", "ORG4", "Home First Rapid Rehousing", 13, 3, true, 90),
        new("PSH01", "ORG5", "Cedar Commons Supportive Housing", 3, 2, false, 70),
    ];

    public static HmisProject Get(string id) => Projects.First(p => p.Id == id);

    public static string ExportId(YearMonth month) => "TSYN" + month.Year.ToString("D4", CultureInfo.InvariantCulture) + month.Month.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>Writes every descriptor file's rows for one monthly export into <paramref name="sink"/>.</summary>
    public static void WriteDescriptors(DeliverySink sink, SynthOptions options, int monthOffset)
    {
        var month = options.Start.AddMonths(monthOffset);
        var exportId = ExportId(month);
        var created = OperatingSince;
        var updated = OperatingSince;

        void Write(string file, Action<HmisRow> fill, bool audit = true)
        {
            var row = new HmisRow(HmisCsvFy2024.File(file));
            fill(row);
            if (audit)
            {
                row.Audit(created, updated, "U1", exportId);
            }

            row.WriteTo(sink.Row(SourceLayout.Homelessness, monthOffset, file));
        }

        var full = monthOffset == 0;
        Write("Export.csv", r => r.Set("ExportID", exportId).Set("SourceType", 1).Set("SourceID", CocCode).Set("SourceName", "Riverton County HMIS")
            .Set("SourceContactFirst", "Data").Set("SourceContactLast", "Team").Set("SourceContactEmail", "hmis@riverton.example")
            .Set("ExportDate", month.LastDay.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 02:00:00")
            .Set("ExportStartDate", full ? OperatingSince : month.FirstDay).Set("ExportEndDate", month.LastDay)
            .Set("SoftwareName", "Tessera Synthetic HMIS").Set("SoftwareVersion", "1.0").Set("CSVVersion", HmisCsvFy2024.CsvVersion)
            .Set("ExportPeriodType", full ? 4 : 1).Set("ExportDirective", full ? 2 : 1).Set("HashStatus", 1).Set("ImplementationID", "TESSERA-SYNTH"), audit: false);

        for (var u = 1; u <= 5; u++)
        {
            var n = u;
            Write("User.csv", r => r.Set("UserID", "U" + n.ToString(CultureInfo.InvariantCulture)).Set("UserFirstName", "Staff")
                .Set("UserLastName", "Member " + n.ToString(CultureInfo.InvariantCulture)).Set("UserEmail", $"staff{n}@riverton.example"));
        }

        foreach (var (id, name) in Organizations)
        {
            Write("Organization.csv", r => r.Set("OrganizationID", id).Set("OrganizationName", name).Set("VictimServiceProvider", 0));
        }

        foreach (var p in Projects)
        {
            Write("Project.csv", r => r.Set("ProjectID", p.Id).Set("OrganizationID", p.OrganizationId).Set("ProjectName", p.Name)
                .Set("OperatingStartDate", OperatingSince).Set("ContinuumProject", 1).Set("ProjectType", p.ProjectType)
                .Set("HousingType", p.ProjectType == 4 ? null : 1).Set("RRHSubType", p.ProjectType == 13 ? 2 : null)
                .Set("ResidentialAffiliation", p.ProjectType == 13 ? 0 : null).Set("TargetPopulation", 4).Set("PITCount", p.Beds));
            Write("Funder.csv", r => r.Set("FunderID", "F" + p.Id).Set("ProjectID", p.Id).Set("Funder", p.Funder)
                .Set("GrantID", "XS" + p.Id).Set("StartDate", OperatingSince));
            Write("ProjectCoC.csv", r => r.Set("ProjectCoCID", "PC" + p.Id).Set("ProjectID", p.Id).Set("CoCCode", CocCode).Set("Geocode", "309999")
                .Set("City", "Riverton").Set("State", "XS").Set("ZIP", "59101").Set("GeographyType", 1));
            Write("HMISParticipation.csv", r => r.Set("HMISParticipationID", "HP" + p.Id).Set("ProjectID", p.Id).Set("HMISParticipationType", 1)
                .Set("HMISParticipationStatusStartDate", OperatingSince));
            if (p.Beds > 0)
            {
                Write("Inventory.csv", r => r.Set("InventoryID", "IN" + p.Id).Set("ProjectID", p.Id).Set("CoCCode", CocCode)
                    .Set("HouseholdType", p.ServesFamilies ? 3 : 1).Set("Availability", p.ProjectType is 0 or 1 ? 1 : null)
                    .Set("UnitInventory", p.ServesFamilies ? p.Beds / 3 : p.Beds).Set("BedInventory", p.Beds)
                    .Set("CHVetBedInventory", 0).Set("YouthVetBedInventory", 0).Set("VetBedInventory", 0).Set("CHYouthBedInventory", 0)
                    .Set("YouthBedInventory", 0).Set("CHBedInventory", p.ProjectType == 3 ? p.Beds : 0).Set("OtherBedInventory", p.ProjectType == 3 ? 0 : p.Beds)
                    .Set("ESBedType", p.ProjectType is 0 or 1 ? 1 : null).Set("InventoryStartDate", OperatingSince));
            }
        }
    }
}

/// <summary>An HMIS project of the synthetic continuum.</summary>
internal sealed record HmisProject(string Id, string OrganizationId, string Name, int ProjectType, int Funder, bool ServesFamilies, int Beds);
