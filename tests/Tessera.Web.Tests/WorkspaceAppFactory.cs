using Tessera.Synthetic;

namespace Tessera.Web.Tests;

/// <summary>The real web app over a real (small) synthetic workspace: initialised, with an incoming folder and nothing ingested.</summary>
public sealed class WorkspaceAppFactory : KestrelAppFactory
{
    public WorkspaceAppFactory()
    {
        new CountyGenerator(new SynthOptions { People = 2000, Seed = 11, Months = 6 }).Generate(Path.Combine(Folder, "incoming"));
        // Initialised (no deliveries ingested): sign-in needs the workspace's audit log.
        using (Storage.Workspaces.Workspace.Create(Folder, null, "tester@test", DateTime.UtcNow))
        {
        }

        Start();
    }

    public override string Folder => Path.Combine(Root, "ws");

    public string Workspace => Folder;
}
