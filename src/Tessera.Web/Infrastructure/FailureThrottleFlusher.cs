namespace Tessera.Web.Infrastructure;

/// <summary>Writes the counted failures of finished minutes to the audit log every 15 seconds (<see cref="FailureThrottle.Flush"/>).</summary>
internal sealed class FailureThrottleFlusher(FailureThrottle throttle, TimeProvider clock, ILogger<FailureThrottleFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                throttle.Flush();
            }
            catch (Governance.Audit.AuditUnavailableException ex)
            {
                logger.LogError(ex, "Counted failed attempts could not be written to the audit log.");
            }
        }
    }
}
