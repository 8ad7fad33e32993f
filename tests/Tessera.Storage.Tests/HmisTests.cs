using System.IO.Compression;
using Tessera.Intake.Delivering;
using Tessera.Linkage.Records;
using Tessera.Storage.Linking;
using Tessera.Tests;

namespace Tessera.Storage.Tests;

public class HmisTests
{
    [Fact]
    public void HUDs_FY2022_test_kit_is_accepted_with_no_configuration()
    {
        using var workspace = new TestWorkspace();
        var outcome = workspace.Ingest("homelessness", SharedData.HmisTestKit);

        Assert.True(outcome.Status == DeliveryOutcome.Accepted, outcome.RejectionReason);
        Assert.Equal("2020-10-01 to 2021-09-30", outcome.Period);
        Assert.Equal(0, outcome.RowsQuarantined);
        var entry = workspace.Workspace.Vault.Delivery(outcome.DeliveryId!.Value)!;
        Assert.Equal("hmis-fy2022 v1", entry.Dictionary);
        Assert.True(entry.FullRefresh);
        var kitClients = File.ReadLines(Path.Combine(SharedData.HmisTestKit, "Client.csv")).Count() - 1;
        Assert.Equal(kitClients, workspace.Workspace.Vault.CountCurrent("homelessness", "client"));
    }

    [Fact]
    public void HUDs_data_quality_conditions_are_reported_not_quarantined()
    {
        using var workspace = new TestWorkspace();
        var outcome = workspace.Ingest("homelessness", SharedData.HmisTestKit);
        var quality = workspace.Workspace.Vault.Delivery(outcome.DeliveryId!.Value)!.QualityJson!;

        Assert.Equal(0, outcome.RowsQuarantined);
        Assert.Contains("\"check\": \"ssn_not_collected\"", quality, StringComparison.Ordinal);
        Assert.Contains("\"check\": \"exit_before_entry\"", quality, StringComparison.Ordinal);
    }

    [Fact]
    public void An_FY2026_export_is_read_with_the_FY2026_dictionary_even_when_its_CSVVersion_says_otherwise()
    {
        using var workspace = new TestWorkspace();
        var outcome = workspace.Ingest("homelessness", SharedData.LsaSampleZip);

        Assert.True(outcome.Status == DeliveryOutcome.Accepted, outcome.RejectionReason);
        var entry = workspace.Workspace.Vault.Delivery(outcome.DeliveryId!.Value)!;
        Assert.Equal("hmis-fy2026 v1", entry.Dictionary);
        Assert.Contains("declares CSVVersion", entry.QualityJson, StringComparison.Ordinal);
    }

    [Fact]
    public void An_export_without_Client_csv_is_rejected()
    {
        using var workspace = new TestWorkspace();
        var zip = KitZip(workspace, leaveOut: "Client.csv");
        var outcome = workspace.Ingest("homelessness", zip);

        Assert.Equal(DeliveryOutcome.Rejected, outcome.Status);
        Assert.Contains("Client.csv", outcome.RejectionReason, StringComparison.Ordinal);
        Assert.DoesNotContain(workspace.Workspace.Vault.Deliveries(), d => d.Status != "rejected");
    }

    [Fact]
    public void An_export_without_Export_csv_is_rejected()
    {
        using var workspace = new TestWorkspace();
        var outcome = workspace.Ingest("homelessness", KitZip(workspace, leaveOut: "Export.csv"));

        Assert.Equal(DeliveryOutcome.Rejected, outcome.Status);
        Assert.Contains("no Export.csv", outcome.RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dangling_reference_across_HMIS_files_rejects_the_export()
    {
        using var workspace = new TestWorkspace();
        var folder = KitCopy(workspace);
        var enrollment = Path.Combine(folder, "Enrollment.csv");
        var lines = File.ReadAllLines(enrollment);
        var fields = lines[1].Split(',');
        fields[0] = "ORPHAN1";
        fields[1] = "NO-SUCH-CLIENT";
        File.WriteAllLines(enrollment, [.. lines, string.Join(',', fields)]);
        var outcome = workspace.Ingest("homelessness", folder);

        Assert.Equal(DeliveryOutcome.Rejected, outcome.Status);
        Assert.Contains("Enrollment.csv", outcome.RejectionReason, StringComparison.Ordinal);
        Assert.Contains("PersonalID", outcome.RejectionReason, StringComparison.Ordinal);
        Assert.Contains("broken cross-file reference", outcome.RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delta_export_updates_records_and_honours_DateDeleted()
    {
        using var workspace = new TestWorkspace();
        Assert.Equal(DeliveryOutcome.Accepted, workspace.Ingest("homelessness", SharedData.HmisTestKit).Status);
        var before = workspace.Workspace.Vault.CountCurrent("homelessness", "client");

        var delta = KitCopy(workspace);
        var export = Path.Combine(delta, "Export.csv");
        var exportLines = File.ReadAllLines(export);
        File.WriteAllLines(export, [exportLines[0], exportLines[1].Replace("2020-10-01,2021-09-30", "2021-10-01,2021-10-31", StringComparison.Ordinal).Replace(",3,2,1", ",1,1,1", StringComparison.Ordinal)]);
        var client = Path.Combine(delta, "Client.csv");
        var clientLines = File.ReadAllLines(client);
        var deleted = clientLines[1].Split(',');
        deleted[^2] = "2021-10-15 00:00:00";
        File.WriteAllLines(client, [clientLines[0], string.Join(',', deleted)]);
        foreach (var other in Directory.GetFiles(delta, "*.csv").Where(f => Path.GetFileName(f) is not ("Export.csv" or "Client.csv")))
        {
            File.WriteAllLines(other, [File.ReadLines(other).First()]);
        }

        var outcome = workspace.Ingest("homelessness", delta);
        Assert.True(outcome.Status == DeliveryOutcome.Accepted, outcome.RejectionReason);
        Assert.Empty(outcome.Superseded);
        Assert.Equal(before - 1, workspace.Workspace.Vault.CountCurrent("homelessness", "client"));
    }

    [Fact]
    public void Linkage_reads_a_clients_sex_from_the_FY2022_gender_flags()
    {
        using var workspace = new TestWorkspace();
        Assert.Equal(DeliveryOutcome.Accepted, workspace.Ingest("homelessness", SharedData.HmisTestKit).Status);
        // Female only: female; Male only: male; both or neither: unknown to linkage.
        var expected = new Dictionary<string, string?>(StringComparer.Ordinal);
        using (var csv = Sylvan.Data.Csv.CsvDataReader.Create(Path.Combine(SharedData.HmisTestKit, "Client.csv")))
        {
            while (csv.Read())
            {
                expected[csv.GetString(csv.GetOrdinal("PersonalID"))] = (csv.GetString(csv.GetOrdinal("Female")), csv.GetString(csv.GetOrdinal("Male"))) switch
                {
                    ("1", not "1") => "female",
                    (not "1", "1") => "male",
                    _ => null,
                };
            }
        }

        var sexes = ClientSexes(workspace);

        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), sexes.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal((309, 460), (sexes.Values.Count(v => v == "female"), sexes.Values.Count(v => v == "male")));
    }

    [Fact]
    public void Linkage_reads_the_FY2026_Sex_code_as_female_or_male()
    {
        using var workspace = new TestWorkspace();
        var folder = Path.Combine(workspace.Root, "lsa");
        ZipFile.ExtractToDirectory(SharedData.LsaSampleZip, folder);
        var export = Directory.GetDirectories(folder).Single();
        var client = Path.Combine(export, "Client.csv");
        var lines = File.ReadAllLines(client);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        var sex = Array.IndexOf(header, "Sex");
        string WithSex(string line, string code)
        {
            var fields = line.Split(',');
            Assert.Equal(header.Length, fields.Length);
            fields[sex] = code;
            return string.Join(',', fields);
        }

        File.WriteAllLines(client, [lines[0], WithSex(lines[1], "0"), WithSex(lines[2], "1"), WithSex(lines[3], "99"), .. lines.Skip(4)]);
        var outcome = workspace.Ingest("homelessness", export);
        Assert.True(outcome.Status == DeliveryOutcome.Accepted, outcome.RejectionReason);

        var sexes = ClientSexes(workspace);

        // The code's label, which linkage reads as female, male or unknown ("Data not collected").
        var ids = lines.Skip(1).Take(3).Select(l => l.Split(',')[0].Trim('"')).ToList();
        Assert.Equal(["Female", "Male", "Data not collected"], ids.Select(id => sexes[id]));
        Assert.Equal(3, sexes.Values.Count(v => v is not null));
    }

    /// <summary>Each HMIS client's sex as linkage reads it (null: unknown), by PersonalID.</summary>
    private static Dictionary<string, string?> ClientSexes(TestWorkspace workspace)
    {
        using var open = workspace.Workspace.Vault.KeepOpen();
        var gathered = WorkspaceRecords.Read(workspace.Workspace);
        return gathered.Origins.Select((o, i) => (o, i)).Where(x => x.o.Source == "homelessness" && x.o.File.Equals("Client", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(x => x.o.SourceId, x => gathered.Records[x.i][StandardColumn.Sex], StringComparer.Ordinal);
    }

    private static string KitCopy(TestWorkspace workspace)
    {
        var folder = Path.Combine(workspace.Root, "kit-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(SharedData.HmisTestKit, "*.csv"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }

    private static string KitZip(TestWorkspace workspace, string leaveOut)
    {
        var path = Path.Combine(workspace.Root, "export.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var file in Directory.GetFiles(SharedData.HmisTestKit, "*.csv").Where(f => Path.GetFileName(f) != leaveOut))
        {
            zip.CreateEntryFromFile(file, Path.GetFileName(file));
        }

        return path;
    }
}
