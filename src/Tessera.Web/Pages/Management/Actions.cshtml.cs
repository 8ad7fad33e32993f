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
/// Action items: who does what by when, linked to a contract, a measure, an alert, a meeting or a
/// frontline report; overdue ones flagged; closed with the lesson they taught.
/// </summary>
[Requires(Capability.ViewManagement)]
public sealed class ActionsModel(RequestAccess request) : PageModel
{
    /// <summary>The CSV and Excel columns.</summary>
    public static IReadOnlyList<string> Header { get; } = ["id", "title", "owner", "due", "status", "overdue", "program", "contract", "metric", "alert", "report", "meeting", "closed", "lesson"];

    /// <summary>The items, open first.</summary>
    public IReadOnlyList<ActionItem> Items { get; private set; } = [];

    /// <summary>The contracts the user sees, for the form.</summary>
    public IReadOnlyList<RegisteredContract> Contracts { get; private set; } = [];

    /// <summary>Today, by the workspace's clock.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>True when the user adds items.</summary>
    public bool MayRun => AccessPolicy.Permits(request.User, Capability.RunManagement);

    /// <summary>True when the user closes items (the agency, and provider staff on their own contracts').</summary>
    public bool MayUpdate => AccessPolicy.Permits(request.User, Capability.UpdateActionItems);

    /// <summary>The new item (pre-filled from an alert's link).</summary>
    [BindProperty(SupportsGet = true)]
    public ItemForm Item { get; set; } = new();

    /// <summary>Why the item was not added or closed.</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows the items.</summary>
    public IActionResult OnGet(long? alert, string? contract, string? metric)
    {
        Item = new ItemForm { Alert = alert, Contract = contract, Metric = metric };
        Load();
        return Page();
    }

    /// <summary>The items as CSV or Excel.</summary>
    public IActionResult OnGetExport(string? format)
    {
        Load();
        return TableDownload.File(format, "action-items", "Action items", Header, Items.Select(i => Row(i, Today)));
    }

    /// <summary>Adds an item.</summary>
    [Requires(Capability.RunManagement)]
    public IActionResult OnPostAdd() => Act(() => ActionItems.Add(request.Caller, new NewActionItem(Item.Title, Item.Owner, Item.Due, Item.Program, Item.Contract, Item.Metric, Item.Alert)));

    /// <summary>Closes an item with its lesson.</summary>
    [Requires(Capability.UpdateActionItems)]
    public IActionResult OnPostClose(long id, string? lesson) => Act(() => ActionItems.Close(request.Caller, id, lesson));

    /// <summary>An item's cells in <see cref="Header"/>'s order.</summary>
    public static IReadOnlyList<object?> Row(ActionItem i, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(i);
        return [i.Id, i.Title, i.Owner, i.Due, i.Status, i.IsOverdueOn(today), i.Program, i.Contract, i.Metric, i.Alert, i.Report, i.Meeting, i.Closed, i.Lesson];
    }

    private IActionResult Act(Func<ActionItem> act)
    {
        try
        {
            act();
            return Redirect("/acm/actions");
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
        Today = DateOnly.FromDateTime(request.Caller.Workspace.UtcNow);
        Items = ActionItems.List(request.Caller);
        Contracts = ContractRegistry.List(request.Caller);
        Item.Due ??= Today.AddDays(14);
    }

    /// <summary>The form's fields.</summary>
    public sealed class ItemForm
    {
        /// <summary>What is to be done.</summary>
        public string? Title { get; set; }

        /// <summary>Who does it.</summary>
        public string? Owner { get; set; }

        /// <summary>When it is due.</summary>
        public DateOnly? Due { get; set; }

        /// <summary>The contract it is about.</summary>
        public string? Contract { get; set; }

        /// <summary>The program, when not about one contract.</summary>
        public string? Program { get; set; }

        /// <summary>The measure it is about.</summary>
        public string? Metric { get; set; }

        /// <summary>The alert that raised it.</summary>
        public long? Alert { get; set; }
    }
}
