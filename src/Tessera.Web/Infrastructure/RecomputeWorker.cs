using Microsoft.Extensions.Options;
using Tessera.Storage.Access;
using Tessera.Storage.Metrics;

namespace Tessera.Web.Infrastructure;

/// <summary>
/// Keeps the dashboards current on their own: every <see cref="WorkspaceOptions.RecomputeSeconds"/>
/// it computes the metrics that accepted deliveries queued (<see cref="RecomputeQueue"/>), as the
/// workspace's operator, and reports progress to the queue page through the queue itself.
/// </summary>
internal sealed class RecomputeWorker(WorkspaceAccess workspaces, IOptions<WorkspaceOptions> options, TimeProvider clock, ILogger<RecomputeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RecomputeSeconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RecomputeSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (workspaces.Current is not { } workspace)
            {
                continue;
            }

            try
            {
                var computed = await Task.Run(() => RecomputeQueue.RunPending(Caller.Operator(workspace)), stoppingToken);
                if (computed > 0)
                {
                    logger.LogInformation("Computed {Count} queued metrics.", computed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The entries keep their status (failed, or running until the next start); the page shows them.
                logger.LogError(ex, "Computing the queued metrics failed.");
            }
        }
    }
}
