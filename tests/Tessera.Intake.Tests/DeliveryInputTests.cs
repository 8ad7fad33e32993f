using Tessera.Intake.Reading;

namespace Tessera.Intake.Tests;

public sealed class DeliveryInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tessera-input-").FullName;

    [Fact]
    public void A_linked_file_is_measured_by_its_target_so_progress_is_right()
    {
        var target = Path.Combine(_folder, "target.csv");
        File.WriteAllText(target, "id\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => i + "\n")));
        var month = Directory.CreateDirectory(Path.Combine(_folder, "2024-06")).FullName;
        File.CreateSymbolicLink(Path.Combine(month, "events.csv"), target);

        var file = Assert.Single(DeliveryInput.Resolve([month]));

        Assert.Equal(new FileInfo(target).Length, file.Length);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
