using Microsoft.EntityFrameworkCore;
using Tessera.Storage.Workspaces;

namespace Tessera.Cli.Tests;

/// <summary>The audit commands' contract: verify exits 0 when intact, 3 with "first bad record: N" when tampered with; commands fail closed.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tessera-cli-audit-").FullName;

    private string Folder => Path.Combine(_root, "ws");

    [Fact]
    public async Task Every_workspace_command_is_recorded_under_the_operator_and_the_log_verifies()
    {
        Assert.Equal(0, (await Cli.Run("init", Folder)).Code);
        Assert.Equal(0, (await Cli.Run("deliveries", "--workspace", Folder)).Code);
        Assert.Equal(0, (await Cli.Run("source", "list", "--workspace", Folder)).Code);

        var (code, csv, _) = await Cli.Run("audit", "list", "--csv", "--workspace", Folder);
        Assert.Equal(0, code);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sequence,time_utc,actor,action,target,purpose,origin,outcome", lines[0]);
        Assert.Equal(5, lines.Length); // header, init, deliveries, source list, audit list
        Assert.All(lines.Skip(1), line => Assert.Contains(Environment.UserName + "@", line, StringComparison.Ordinal));
        Assert.Contains(",read,deliveries,operations,", lines[2], StringComparison.Ordinal);

        var verified = await Cli.Run("audit", "verify", "--workspace", Folder);
        Assert.Equal(0, verified.Code);
        Assert.Contains("intact: 4 records", verified.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE audit_log SET actor = 'someone else' WHERE sequence = 2", 2)]
    [InlineData("DELETE FROM audit_log WHERE sequence = 3", 3)]
    [InlineData("DELETE FROM audit_log WHERE sequence = 4", 4)]
    [InlineData("UPDATE audit_log SET sequence = sequence + 10 WHERE sequence IN (2, 3); UPDATE audit_log SET sequence = 3 WHERE sequence = 12; UPDATE audit_log SET sequence = 2 WHERE sequence = 13", 2)]
    public async Task Verify_exits_3_and_names_the_first_bad_record(string tampering, int firstBad)
    {
        await Cli.Run("init", Folder);
        await Cli.Run("deliveries", "--workspace", Folder);
        await Cli.Run("source", "list", "--workspace", Folder);
        await Cli.Run("deliveries", "--workspace", Folder);
        using (var workspace = Workspace.Open(Folder))
        using (var db = workspace.Operational())
        {
            db.Database.ExecuteSqlRaw(tampering);
        }

        var (code, output, _) = await Cli.Run("audit", "verify", "--workspace", Folder);

        Assert.Equal(3, code);
        Assert.Contains($"first bad record: {firstBad}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_exits_1_when_the_log_cannot_be_checked()
    {
        await Cli.Run("init", Folder);
        File.Delete(Path.Combine(_root, "ws.tessera-key"));

        var (code, _, error) = await Cli.Run("audit", "verify", "--workspace", Folder);

        Assert.Equal(1, code);
        Assert.Contains("master key", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_command_whose_audit_record_cannot_be_written_does_not_run()
    {
        await Cli.Run("init", Folder);
        var checkpoints = Path.Combine(Folder, Workspace.AuditCheckpointsFile);
        File.Delete(checkpoints);
        Directory.CreateDirectory(checkpoints);

        var (code, output, error) = await Cli.Run("deliveries", "--workspace", Folder);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("refused because its audit record could not be written", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Files still closing; the temporary folder is cleaned later.
        }
    }
}
