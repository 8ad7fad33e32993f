namespace Tessera.Web.Infrastructure;

/// <summary>Where the workspace the web app shows lives.</summary>
public sealed class WorkspaceOptions
{
    /// <summary>Configuration section: <c>Tessera</c>.</summary>
    public const string Section = "Tessera";

    /// <summary>The workspace folder; relative paths are resolved against the current directory.</summary>
    public string Workspace { get; set; } = "workspace";

    /// <summary>How often, in seconds, the server computes the metrics that accepted deliveries queued (<c>Tessera:RecomputeSeconds</c>); 0 turns the worker off.</summary>
    public int RecomputeSeconds { get; set; } = 10;
}
