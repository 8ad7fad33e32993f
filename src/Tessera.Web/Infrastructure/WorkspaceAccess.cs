using Tessera.Storage.Workspaces;

namespace Tessera.Web.Infrastructure;

/// <summary>
/// The workspace the app serves, opened once it has been initialised (<c>tessera init</c> or
/// <c>tessera demo</c>). Opening holds no file: every store is reached with short-lived
/// connections, so the CLI can ingest into the same workspace while the app is serving.
/// </summary>
public sealed class WorkspaceAccess(WorkspaceCatalog catalog, TimeProvider clock) : IDisposable
{
    private readonly Lock _gate = new();
    private Workspace? _workspace;

    /// <summary>True when the folder holds an initialised workspace.</summary>
    public bool IsInitialised => File.Exists(Path.Combine(catalog.WorkspacePath, Workspace.MarkerFile));

    /// <summary>The workspace, or null when it has not been initialised.</summary>
    public Workspace? Current
    {
        get
        {
            lock (_gate)
            {
                if (_workspace is null && IsInitialised)
                {
                    _workspace = Workspace.Open(catalog.WorkspacePath, clock: clock);
                }

                return _workspace;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _workspace?.Dispose();
}
