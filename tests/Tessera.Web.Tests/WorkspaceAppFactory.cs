using Tessera.Synthetic;

namespace Tessera.Web.Tests;

/// <summary>The real web app over a real (small) synthetic workspace that has only an incoming folder.</summary>
public sealed class WorkspaceAppFactory : KestrelAppFactory
{
    public WorkspaceAppFactory()
    {
        new CountyGenerator(new SynthOptions { People = 2000, Seed = 11, Months = 6 }).Generate(Path.Combine(Folder, "incoming"));
        Start();
    }

    public override string Folder => Path.Combine(Root, "ws");

    public string Workspace => Folder;
}
