using System.IO.Compression;
using Tessera.Intake.Delivering;
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
