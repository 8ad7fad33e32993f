using System.Text.Json;

namespace Tessera.Cli.Tests;

/// <summary>The intake commands' contract: init, source add, ingest (exit codes, --json), deliveries, quality.</summary>
public sealed class IntakeCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tessera-cli-intake-").FullName;

    private string Workspace => Path.Combine(_root, "ws");

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => Cli.Run(args);

    [Theory]
    [InlineData("init", "--help")]
    [InlineData("source", "add", "--help")]
    [InlineData("ingest", "--help")]
    [InlineData("deliveries", "--help")]
    [InlineData("quality", "--help")]
    public async Task Every_intake_command_has_help(params string[] args)
    {
        var (code, output, _) = await Run(args);
        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_creates_a_workspace_with_the_key_beside_it_and_refuses_to_run_twice()
    {
        var (code, output, _) = await Run("init", Workspace);
        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(_root, "ws.tessera-key")));
        Assert.Empty(Directory.GetFiles(Workspace, "*key*", SearchOption.AllDirectories));
        Assert.Contains("benefits, child_care, child_welfare, corrections, homelessness, provider_services, workforce", output, StringComparison.Ordinal);

        var (again, _, error) = await Run("init", Workspace);
        Assert.Equal(2, again);
        Assert.Contains("already a Tessera workspace", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_prints_the_json_contract_and_exits_0_then_recognises_the_duplicate()
    {
        await Run("init", Workspace);
        var month = WriteMonth("2024-05", "patient_id,first_name,dob\nP1,Ada,1985-12-10\n");
        await AddClinic();

        var (code, output, _) = await Run("ingest", "--workspace", Workspace, "--source", "clinic", month, "--json");
        Assert.Equal(0, code);
        using (var json = JsonDocument.Parse(output))
        {
            var root = json.RootElement;
            Assert.Equal("accepted", root.GetProperty("status").GetString());
            Assert.Equal("clinic", root.GetProperty("source").GetString());
            Assert.Equal(1, root.GetProperty("rows_read").GetInt64());
            Assert.Equal(1, root.GetProperty("rows_accepted").GetInt64());
            Assert.Equal(0, root.GetProperty("rows_quarantined").GetInt64());
            Assert.Equal(JsonValueKind.Null, root.GetProperty("rejection_reason").ValueKind);
            Assert.True(root.GetProperty("delivery_id").GetInt64() > 0);
        }

        var (again, duplicate, _) = await Run("ingest", "--workspace", Workspace, "--source", "clinic", month, "--json");
        Assert.Equal(0, again);
        Assert.Contains("\"status\":\"duplicate\"", duplicate, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_delivery_exits_2_with_file_row_and_column_on_stderr()
    {
        await Run("init", Workspace);
        await AddClinic();
        var month = WriteMonth("2024-05", "patient_id,first_name,dob\nP1,Ada,2023-02-30\n");

        var (code, output, error) = await Run("ingest", "--workspace", Workspace, "--source", "clinic", month, "--json");
        Assert.Equal(2, code);
        Assert.Contains("\"status\":\"rejected\"", output, StringComparison.Ordinal);
        Assert.Contains("patients.csv row 2, column dob", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9999-12", "--period 9999-12 is after")]
    [InlineData("0001-01", "--period 0001-01 is before 2000-01")]
    public async Task A_period_outside_the_accepted_months_exits_2_and_stores_nothing(string period, string message)
    {
        await Run("init", Workspace);
        await AddClinic();
        var month = WriteMonth("2024-05", "patient_id,first_name,dob\nP1,Ada,1985-12-10\n");

        var (code, _, error) = await Run("ingest", "--workspace", Workspace, "--source", "clinic", month, "--period", period);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        AssertNothingStored();
    }

    [Fact]
    public async Task The_earliest_period_is_set_at_init()
    {
        Assert.Equal(0, (await Run("init", Workspace, "--earliest-period", "2024-06")).Code);
        await AddClinic();

        var (code, _, error) = await Run("ingest", "--workspace", Workspace, "--source", "clinic", WriteMonth("2024-05", "patient_id,first_name,dob\nP1,Ada,1985-12-10\n"));

        Assert.Equal(2, code);
        Assert.Contains("before 2024-06", error, StringComparison.Ordinal);
        Assert.Equal(2, (await Run("init", Path.Combine(_root, "other"), "--earliest-period", "June")).Code);
    }

    [Fact]
    public async Task A_damaged_Parquet_file_exits_2_naming_the_file_and_leaves_no_raw_copy()
    {
        await Run("init", Workspace);
        await AddClinic();
        var month = Path.Combine(_root, "drop", "pq", "2024-05");
        Directory.CreateDirectory(month);
        // A footer that ends inside a number: Parquet.Net 6.1 alone would read past its end for ever.
        await File.WriteAllBytesAsync(Path.Combine(month, "patients.parquet"), [.. "PAR1"u8, 0x15, 0x80, 2, 0, 0, 0, .. "PAR1"u8]);

        var (code, _, error) = await Run("ingest", "--workspace", Workspace, "--source", "clinic", month);

        Assert.Equal(2, code);
        Assert.Contains("patients.parquet is not a readable Parquet file", error, StringComparison.Ordinal);
        Assert.DoesNotContain("something went wrong", error, StringComparison.Ordinal);
        AssertNothingStored();
    }

    private void AssertNothingStored()
    {
        using var workspace = Storage.Workspaces.Workspace.Open(Workspace);
        Assert.All(workspace.Vault.Deliveries(), d => Assert.Equal("rejected", d.Status));
        var raw = Path.Combine(Workspace, "raw");
        Assert.True(!Directory.Exists(raw) || Directory.GetFiles(raw, "*", SearchOption.AllDirectories).Length == 0, "a raw copy was left behind");
    }

    [Fact]
    public async Task An_unknown_source_and_a_missing_workspace_are_invalid_input()
    {
        await Run("init", Workspace);
        var (code, _, error) = await Run("ingest", "--workspace", Workspace, "--source", "nosuch", _root);
        Assert.Equal(2, code);
        Assert.Contains("no source named 'nosuch'", error, StringComparison.Ordinal);

        var (missing, _, missingError) = await Run("ingest", "--workspace", Path.Combine(_root, "nowhere"), "--source", "benefits", _root);
        Assert.Equal(2, missing);
        Assert.Contains("not a Tessera workspace", missingError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quality_writes_json_and_html_for_a_delivery()
    {
        await Run("init", Workspace);
        await AddClinic();
        await Run("ingest", "--workspace", Workspace, "--source", "clinic", WriteMonth("2024-05", "patient_id,first_name,dob\nP1,Ada,1985-12-10\n"));

        var (code, output, _) = await Run("quality", "1", "--workspace", Workspace, "--out", _root);
        Assert.Equal(0, code);
        Assert.Contains("Wrote", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_root, "quality-clinic-1.json")));
        Assert.Contains("Data quality: clinic delivery #1", await File.ReadAllTextAsync(Path.Combine(_root, "quality-clinic-1.html")), StringComparison.Ordinal);
        var (listCode, list, _) = await Run("deliveries", "--workspace", Workspace);
        Assert.Equal(0, listCode);
        Assert.Contains("current", list, StringComparison.Ordinal);
    }

    private async Task AddClinic()
    {
        var dictionary = Path.Combine(_root, "clinic.yaml");
        await File.WriteAllTextAsync(dictionary, """
            source: clinic
            max_error_share: 0
            files:
              - name: patients
                primary_key: [patient_id]
                fields:
                  - { name: patient_id, type: string, required: true }
                  - { name: first_name, type: string, sensitivity: direct_identifier }
                  - { name: dob, type: date, sensitivity: direct_identifier }
            """);
        var (code, _, error) = await Run("source", "add", "clinic", "--dictionary", dictionary, "--workspace", Workspace);
        Assert.True(code == 0, error);
    }

    private string WriteMonth(string month, string patients)
    {
        var folder = Path.Combine(_root, "drop", Guid.NewGuid().ToString("N")[..6], month);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "patients.csv"), patients);
        return folder;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
