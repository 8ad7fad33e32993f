using System.Diagnostics;
using System.Globalization;
using System.Text;
using Tessera.Cli.Commands;

namespace Tessera.Storage.Tests;

/// <summary>
/// Kills <c>tessera ingest</c> (SIGKILL) at every step of the commit protocol and at random
/// moments, and shows that the workspace then holds the delivery wholly or not at all, that a
/// second run completes it, and that nothing is ever counted twice.
/// </summary>
public class CrashTests
{
    private const int Patients = 3_000;
    private const int Visits = 12_000;

    public static TheoryData<Engine, string> FaultPoints => new()
    {
        { Engine.Embedded, "before-raw-copy" },
        { Engine.Embedded, "before-commit" },
        { Engine.Embedded, "after-commit" },
        { Engine.PostgreSql, "before-raw-copy" },
        { Engine.PostgreSql, "before-commit" },
        { Engine.PostgreSql, "after-commit" },
    };

    public static TheoryData<Engine, int> RandomKills => new()
    {
        { Engine.Embedded, 1 }, { Engine.Embedded, 2 }, { Engine.Embedded, 3 },
        { Engine.PostgreSql, 1 }, { Engine.PostgreSql, 2 },
    };

    [SkippableTheory]
    [MemberData(nameof(FaultPoints))]
    public void A_kill_at_a_commit_step_leaves_the_delivery_whole_or_absent(Engine engine, string faultPoint)
    {
        using var workspace = Clinic.NewWorkspace(engine);
        var delivery = WriteDelivery(workspace);
        var killed = RunIngest(workspace, delivery, faultPoint, killAfter: null);

        Assert.NotEqual(0, killed.ExitCode);
        AssertWholeOrAbsent(workspace, expectPresent: faultPoint == "after-commit");
        AssertCompletesOnRetry(workspace, delivery);
    }

    [SkippableTheory]
    [MemberData(nameof(RandomKills))]
    public void A_kill_at_a_random_moment_leaves_the_delivery_whole_or_absent(Engine engine, int seed)
    {
        using var workspace = Clinic.NewWorkspace(engine);
        var delivery = WriteDelivery(workspace);
        var delay = TimeSpan.FromMilliseconds(new Random(seed).Next(300, 2_500));
        RunIngest(workspace, delivery, faultPoint: null, killAfter: delay);

        AssertWholeOrAbsent(workspace, expectPresent: null);
        AssertCompletesOnRetry(workspace, delivery);
    }

    private static void AssertWholeOrAbsent(TestWorkspace workspace, bool? expectPresent)
    {
        var current = workspace.Workspace.Vault.Deliveries("clinic").Where(d => d.Status == "current").ToList();
        Assert.True(current.Count <= 1, "at most one current delivery");
        var present = current.Count == 1;
        if (expectPresent is { } expected)
        {
            Assert.Equal(expected, present);
        }

        var patients = TableOrZero(workspace, "patients");
        var visits = TableOrZero(workspace, "visits");
        Assert.Equal(present ? (Patients, Visits) : (0, 0), (patients, visits));
    }

    private static void AssertCompletesOnRetry(TestWorkspace workspace, string delivery)
    {
        var retry = RunIngest(workspace, delivery, faultPoint: null, killAfter: null);
        Assert.True(retry.ExitCode == 0, retry.Error);
        Assert.Single(workspace.Workspace.Vault.Deliveries("clinic"), d => d.Status == "current");
        Assert.Equal(Patients, workspace.Workspace.Vault.CountCurrent("clinic", "patients"));
        Assert.Equal(Visits, workspace.Workspace.Vault.CountCurrent("clinic", "visits"));
        Assert.Equal(Visits, CountRows(workspace, "visits"));
    }

    private static long TableOrZero(TestWorkspace workspace, string file)
    {
        try
        {
            return CountRows(workspace, file);
        }
        catch (Exception ex) when (ex.Message.Contains("does not exist", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("not exist", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }
    }

    private static long CountRows(TestWorkspace workspace, string file)
    {
        using var writer = workspace.Workspace.Vault.Begin("clinic");
        return writer.Count($"SELECT COUNT(*) FROM clinic.{file}_rows");
    }

    private static string WriteDelivery(TestWorkspace workspace)
    {
        var patients = new StringBuilder(Clinic.PatientsHeader + "\n");
        for (var i = 0; i < Patients; i++)
        {
            patients.Append(CultureInfo.InvariantCulture, $"P{i},Given{i % 97},Family{i % 89},19{50 + (i % 50)}-0{1 + (i % 9)}-1{i % 10},{100 + (i % 800):D3}-{10 + (i % 89)}-{1000 + i},{(i % 2 == 0 ? "F" : "M")}\n");
        }

        var visits = new StringBuilder(Clinic.VisitsHeader + "\n");
        for (var i = 0; i < Visits; i++)
        {
            visits.Append(CultureInfo.InvariantCulture, $"V{i},P{i % Patients},2024-05-{1 + (i % 28):D2},{i % 500}.25,{i % 600},note {i}\n");
        }

        return Clinic.Delivery(workspace, Clinic.Utf8(patients.ToString()), Clinic.Utf8(visits.ToString()));
    }

    private static (int ExitCode, string Error) RunIngest(TestWorkspace workspace, string delivery, string? faultPoint, TimeSpan? killAfter)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "tessera.dll"), "ingest", "--workspace", workspace.Folder, "--source", "clinic", delivery])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("TESSERA_FAULT_POINT");
        if (faultPoint is not null)
        {
            start.Environment[IngestCommand.FaultPointVariable] = faultPoint;
        }

        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (killAfter is { } delay && !process.WaitForExit(delay))
        {
            process.Kill(entireProcessTree: true);
        }

        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("tessera ingest did not finish within two minutes.");
        }

        return (process.ExitCode, error.Result);
    }
}
