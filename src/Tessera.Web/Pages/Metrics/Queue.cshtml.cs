using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Storage.Metrics;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Metrics;

/// <summary>
/// The recomputation queue: metrics waiting because a delivery they read was accepted, those
/// being computed (with progress), and what was done or failed. The server's worker computes them
/// on its own; the page refreshes itself while anything waits.
/// </summary>
[Requires(Capability.ViewMetrics)]
public sealed class QueueModel(RequestAccess request, ILogger<QueueModel> logger) : PageModel
{
    /// <summary>The latest entries, newest first.</summary>
    public IReadOnlyList<QueuedComputation> Entries { get; private set; } = [];

    /// <summary>True while anything waits or runs.</summary>
    public bool Busy => Entries.Any(e => e.Status is RecomputeQueue.Queued or "running");

    /// <summary>The batch being computed: done so far, of how many.</summary>
    public (int Done, int Of)? Progress { get; private set; }

    /// <summary>True when the user may start the computation.</summary>
    public bool MayCompute => AccessPolicy.Permits(request.User, Capability.ComputeMetrics);

    /// <summary>Shows the queue.</summary>
    public IActionResult OnGet()
    {
        Load();
        return Page();
    }

    /// <summary>The queue's table alone, for the page's self-refresh.</summary>
    public IActionResult OnGetTable()
    {
        Load();
        return Partial("_QueueTable", this);
    }

    /// <summary>Starts computing what waits, in the background, and shows its progress.</summary>
    [Requires(Capability.ComputeMetrics)]
    public IActionResult OnPost()
    {
        var caller = request.Caller;
        _ = Task.Run(() =>
        {
            try
            {
                RecomputeQueue.RunPending(caller);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Computing the queued metrics failed.");
            }
        });
        return Redirect("/metrics/queue");
    }

    private void Load()
    {
        Entries = RecomputeQueue.List(request.Caller);
        var running = Entries.Where(e => e.Status == "running").ToList();
        if (running.Count > 0)
        {
            var started = running.Max(e => e.StartedUtc);
            var batch = Entries.Where(e => e.StartedUtc == started).ToList();
            Progress = (batch.Count(e => e.Status is "done" or "failed"), batch.Count);
        }
    }
}
