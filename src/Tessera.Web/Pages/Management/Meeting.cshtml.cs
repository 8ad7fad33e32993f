using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Management;
using Tessera.Storage.Workspaces;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Management;

/// <summary>
/// A meeting: its generated three-part agenda — open action items and lessons learned, progress on
/// the measures (alerts and off-track first), the roadmap's deep dive — the analysis notes written
/// before it, and the minutes, decisions and new action items recorded at it.
/// </summary>
[Requires(Capability.ViewManagement)]
public sealed class MeetingModel(RequestAccess request) : PageModel
{
    /// <summary>The meeting and its agenda.</summary>
    public MeetingView View { get; private set; } = null!;

    /// <summary>Deep dives the frontline reports suggest for the program (for those who read them).</summary>
    public IReadOnlyList<(string Category, int Reports)> Suggestions { get; private set; } = [];

    /// <summary>True when the user records minutes, notes and items.</summary>
    public bool MayRun => AccessPolicy.Permits(request.User, Capability.RunManagement);

    /// <summary>Why something was not saved.</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows the meeting.</summary>
    public IActionResult OnGet(long id) => Load(id) ? Page() : NotFound();

    /// <summary>Records attendees, minutes and decisions.</summary>
    [Requires(Capability.RunManagement)]
    public IActionResult OnPostRecord(long id, string? attendees, string? minutes, string? decisions) =>
        Act(id, () => Meetings.Record(request.Caller, id, attendees, minutes, decisions));

    /// <summary>Adds an analysis note on a figure.</summary>
    [Requires(Capability.RunManagement)]
    public IActionResult OnPostNote(long id, string? subject, string? note) => Act(id, () => Meetings.AddNote(request.Caller, id, subject, note));

    /// <summary>Adds an action item agreed at the meeting.</summary>
    [Requires(Capability.RunManagement)]
    public IActionResult OnPostItem(long id, string? title, string? owner, DateOnly? due, string? metric) => Act(id, () =>
    {
        var meeting = Meetings.Show(request.Caller, id).Meeting;
        ActionItems.Add(request.Caller, new NewActionItem(title, owner, due, meeting.Program, meeting.Contract, metric, Meeting: id));
    });

    private IActionResult Act(long id, Action act)
    {
        try
        {
            act();
            return Redirect($"/acm/meetings/{id}");
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return NotFound();
        }
        catch (WorkspaceException wrong)
        {
            Problem = wrong.Message;
        }

        Load(id);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private bool Load(long id)
    {
        try
        {
            View = Meetings.Show(request.Caller, id);
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }

        if (AccessPolicy.Permits(request.User, Capability.ViewFrontlineReports))
        {
            Suggestions = FrontlineReports.Suggestions(request.Caller, View.Meeting.Program, View.Meeting.Day);
        }

        return true;
    }
}
