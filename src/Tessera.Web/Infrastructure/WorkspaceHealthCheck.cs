using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tessera.Web.Infrastructure;

/// <summary>Healthy when the workspace folder exists and can be listed; a monitor polls <c>/health</c>.</summary>
internal sealed class WorkspaceHealthCheck(WorkspaceCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!catalog.Exists)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("The workspace folder does not exist."));
            }

            _ = Directory.EnumerateFileSystemEntries(catalog.WorkspacePath).Any();
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (IOException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The workspace folder cannot be read."));
        }
        catch (UnauthorizedAccessException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The workspace folder cannot be read."));
        }
    }
}
