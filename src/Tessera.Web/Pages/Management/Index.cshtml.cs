using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Contracts.Management;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Management;
using Tessera.Storage.Workspaces;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Management;

/// <summary>
/// Active contract management's starting page: the contracts with their open alerts, the
/// meetings (and the form that schedules one), the open action items with overdue ones flagged.
/// </summary>
[Requires(Capability.ViewManagement)]
public sealed class IndexModel(RequestAccess request) : PageModel
{
    /// <summary>The contracts the user sees.</summary>
    public IReadOnlyList<RegisteredContract> Contracts { get; private set; } = [];

    /// <summary>Their alerts.</summary>
    public IReadOnlyList<RaisedAlert> Alerts { get; private set; } = [];

    /// <summary>The meetings, latest first.</summary>
    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    /// <summary>The open action items.</summary>
    public IReadOnlyList<ActionItem> OpenItems { get; private set; } = [];

    /// <summary>The programs whose own meetings the user may hold.</summary>
    public IReadOnlyList<string> Programs { get; private set; } = [];

    /// <summary>Today, by the workspace's clock.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>True when the user runs contract management (schedules meetings, acts on alerts).</summary>
    public bool MayRun => AccessPolicy.Permits(request.User, Capability.RunManagement);

    /// <summary>True when the user reads frontline reports.</summary>
    public bool MayReadReports => AccessPolicy.Permits(request.User, Capability.ViewFrontlineReports);

    /// <summary>The kind of meeting to schedule.</summary>
    [BindProperty]
    public string? Kind { get; set; }

    /// <summary>The contract of a check-in.</summary>
    [BindProperty]
    public string? Contract { get; set; }

    /// <summary>The program of the other meetings.</summary>
    [BindProperty]
    public string? Program { get; set; }

    /// <summary>The meeting's day.</summary>
    [BindProperty]
    public DateOnly? Day { get; set; }

    /// <summary>Its title (default: generated).</summary>
    [BindProperty]
    public string? Title { get; set; }

    /// <summary>Why the meeting was not scheduled.</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows the page.</summary>
    public IActionResult OnGet()
    {
        Load();
        return Page();
    }

    /// <summary>Schedules a meeting and opens its agenda.</summary>
    [Requires(Capability.RunManagement)]
    public IActionResult OnPostSchedule()
    {
        try
        {
            var kind = MeetingKinds.Parse(Kind) ?? throw new WorkspaceException("kind: choose the kind of meeting.");
            var meeting = Storage.Management.Meetings.Schedule(request.Caller, kind, Program, Contract, Day, Title);
            return Redirect($"/acm/meetings/{meeting.Id}");
        }
        catch (WorkspaceException wrong)
        {
            Problem = wrong.Message;
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return NotFound();
        }

        Load();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private void Load()
    {
        var caller = request.Caller;
        Today = DateOnly.FromDateTime(caller.Workspace.UtcNow);
        Contracts = ContractRegistry.List(caller);
        Alerts = Storage.Management.Alerts.List(caller);
        Meetings = Storage.Management.Meetings.List(caller);
        OpenItems = [.. ActionItems.List(caller).Where(i => i.IsOpen)];
        Programs = [.. Contracts.Select(c => c.Contract.Program).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Day ??= Today;
    }
}
