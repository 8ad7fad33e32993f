using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Contracts.Management;
using Tessera.Core.Time;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Management;
using Tessera.Storage.Workspaces;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Frontline;

/// <summary>
/// The frontline reports on the providers of the programs a contract manager manages: trends by
/// provider and category, each report, and turning one into an action item.
/// </summary>
[Requires(Capability.ViewFrontlineReports)]
public sealed class IndexModel(RequestAccess request) : PageModel
{
    /// <summary>The CSV and Excel columns.</summary>
    public static IReadOnlyList<string> Header { get; } = ["report", "provider", "category", "filed", "text", "action_item"];

    /// <summary>The reports, latest first.</summary>
    public IReadOnlyList<FrontlineReport> Reports { get; private set; } = [];

    /// <summary>Reports by provider, category and month.</summary>
    public IReadOnlyList<ReportTrend> Trends { get; private set; } = [];

    /// <summary>The six months the trend table shows, latest last.</summary>
    public IReadOnlyList<YearMonth> Months { get; private set; } = [];

    /// <summary>Today, by the workspace's clock.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>True when the user turns reports into action items.</summary>
    public bool MayRun => AccessPolicy.Permits(request.User, Capability.RunManagement);

    /// <summary>Why the report was not turned into an item.</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows the reports.</summary>
    public IActionResult OnGet()
    {
        Load();
        return Page();
    }

    /// <summary>The reports as CSV or Excel.</summary>
    public IActionResult OnGetExport(string? format)
    {
        Load();
        return TableDownload.File(format, "frontline-reports", "Frontline reports", Header,
            Reports.Select(r => (IReadOnlyList<object?>)[r.Id, r.Provider, r.Category, r.Filed, r.Text, r.ActionItem]));
    }

    /// <summary>Turns a report into an action item.</summary>
    [Requires(Capability.RunManagement)]
    public IActionResult OnPostConvert(long id, string? owner, DateOnly? due)
    {
        try
        {
            FrontlineReports.Convert(request.Caller, id, owner, due);
            return Redirect("/acm/actions");
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return NotFound();
        }
        catch (WorkspaceException wrong)
        {
            Problem = wrong.Message;
        }

        Load();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private void Load()
    {
        Today = DateOnly.FromDateTime(request.Caller.Workspace.UtcNow);
        Reports = FrontlineReports.List(request.Caller);
        Trends = FrontlineReports.Trends(request.Caller);
        Months = [.. Enumerable.Range(-5, 6).Select(i => YearMonth.Of(Today).AddMonths(i))];
    }
}
