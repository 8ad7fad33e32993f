using Tessera.Intake.Delivering;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Tests;

/// <summary>A throwaway workspace (embedded or on a fresh PostgreSQL database) in a temporary folder.</summary>
internal sealed class TestWorkspace : IDisposable
{
    private readonly string? _postgres;

    public TestWorkspace(Engine engine = Engine.Embedded)
    {
        Root = Directory.CreateTempSubdirectory("tessera-test-").FullName;
        _postgres = engine == Engine.PostgreSql ? Postgres.CreateDatabase() : null;
        Workspace = Workspace.Create(Path.Combine(Root, "ws"), _postgres, "tester@test", DateTime.UtcNow);
    }

    public string Root { get; }

    public Workspace Workspace { get; }

    public string Folder => Workspace.Folder;

    public string? PostgresConnection => _postgres;

    public DeliveryOutcome Ingest(string source, params string[] paths) =>
        Workspace.Ingest(new DeliveryRequest { Source = source, Paths = paths }, TimeProvider.System);

    public DeliveryOutcome Ingest(DeliveryRequest request) => Workspace.Ingest(request, TimeProvider.System);

    /// <summary>Writes files into a new folder under the test's root and returns its path.</summary>
    public string WriteFolder(string name, params (string File, byte[] Content)[] files)
    {
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        foreach (var (file, content) in files)
        {
            File.WriteAllBytes(Path.Combine(folder, file), content);
        }

        return folder;
    }

    public void Dispose()
    {
        Workspace.Dispose();
        if (_postgres is not null)
        {
            Postgres.DropDatabase(_postgres);
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A killed child process may still be releasing files; the temp folder is cleaned later.
        }
    }
}
