using Microsoft.Extensions.Options;
using Tessera.Intake.Inbox;

namespace Tessera.Web.Infrastructure;

/// <summary>What the configured workspace holds, for the pages that list it.</summary>
public sealed class WorkspaceCatalog(IOptions<WorkspaceOptions> options)
{
    /// <summary>Absolute path of the workspace folder.</summary>
    public string WorkspacePath { get; } = Path.GetFullPath(options.Value.Workspace);

    /// <summary>True when the workspace folder exists.</summary>
    public bool Exists => Directory.Exists(WorkspacePath);

    /// <summary>The deliveries waiting in the workspace's inbox.</summary>
    public DeliveryInbox Inbox => new(WorkspacePath);
}
