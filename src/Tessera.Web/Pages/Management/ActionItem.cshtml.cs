using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Contracts.Management;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Management;
using Tessera.Storage.Workspaces;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Management;

/// <summary>
/// One action item with its progress notes: the agency and the provider whose contract it is about
/// both say where it stands here, and either closes it with what it taught. Another provider's item
/// is "not found".
/// </summary>
[Requires(Capability.ViewManagement)]
public sealed class ActionItemModel(RequestAccess request) : PageModel
{
    /// <summary>The CSV and Excel columns of the notes.</summary>
    public static IReadOnlyList<string> Header { get; } = ["item", "position", "written_utc", "author", "comment"];

    /// <summary>The item.</summary>
    public ActionItem Item { get; private set; } = null!;

    /// <summary>Its progress notes, first first.</summary>
    public IReadOnlyList<ActionItemUpdate> Updates { get; private set; } = [];

    /// <summary>Today, by the workspace's clock.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>True when the user comments on and closes items.</summary>
    public bool MayUpdate => AccessPolicy.Permits(request.User, Capability.UpdateActionItems);

    /// <summary>The comment being written (kept when it was refused).</summary>
    [BindProperty]
    public string? Comment { get; set; }

    /// <summary>Why the comment or closing was refused.</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows the item.</summary>
    public IActionResult OnGet(long id) => Load(id) ? Page() : NotFound();

    /// <summary>The item's notes as CSV or Excel.</summary>
    public IActionResult OnGetExport(long id, string? format) => Load(id)
        ? TableDownload.File(format, string.Create(CultureInfo.InvariantCulture, $"action-item-{id}"), "Progress", Header,
            Updates.Select(u => (IReadOnlyList<object?>)[u.Item, u.Position, u.WrittenUtc.ToString("O", CultureInfo.InvariantCulture), u.Author, u.Text]))
        : NotFound();

    /// <summary>Adds a progress note.</summary>
    [Requires(Capability.UpdateActionItems)]
    public IActionResult OnPostComment(long id) => Act(id, () => ActionItems.Comment(request.Caller, id, Comment));

    /// <summary>Closes the item with its lesson.</summary>
    [Requires(Capability.UpdateActionItems)]
    public IActionResult OnPostClose(long id, string? lesson) => Act(id, () => ActionItems.Close(request.Caller, id, lesson));

    private IActionResult Act(long id, Action act)
    {
        try
        {
            act();
            return Redirect(string.Create(CultureInfo.InvariantCulture, $"/acm/actions/{id}"));
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return NotFound();
        }
        catch (WorkspaceException wrong)
        {
            Problem = wrong.Message;
        }

        if (!Load(id))
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private bool Load(long id)
    {
        try
        {
            Item = ActionItems.Show(request.Caller, id);
            Updates = ActionItems.Updates(request.Caller, id);
            Today = DateOnly.FromDateTime(request.Caller.Workspace.UtcNow);
            return true;
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }
    }
}
