using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Contracts.Management;
using Tessera.Governance.Access;
using Tessera.Storage.Management;
using Tessera.Storage.Workspaces;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Frontline;

/// <summary>
/// The one-minute form a caseworker files when something goes wrong with a provider — families
/// cannot get there, a waitlist, no-shows — without naming any client; and the reports they filed.
/// </summary>
[Requires(Capability.FileFrontlineReport)]
public sealed class NewModel(RequestAccess request) : PageModel
{
    /// <summary>The providers a report can be about.</summary>
    public IReadOnlyList<(string Id, string Name)> Providers { get; private set; } = [];

    /// <summary>The reports this user filed.</summary>
    public IReadOnlyList<FrontlineReport> Mine { get; private set; } = [];

    /// <summary>The provider.</summary>
    [BindProperty]
    public string? Provider { get; set; }

    /// <summary>The category.</summary>
    [BindProperty]
    public string? Category { get; set; }

    /// <summary>What happened.</summary>
    [BindProperty]
    public string? Text { get; set; }

    /// <summary>Why the report was not filed.</summary>
    public string? Problem { get; private set; }

    /// <summary>The report just filed.</summary>
    public long? Filed { get; private set; }

    /// <summary>Shows the form.</summary>
    public IActionResult OnGet(long? filed)
    {
        Filed = filed;
        Load();
        return Page();
    }

    /// <summary>Files the report.</summary>
    public IActionResult OnPost()
    {
        try
        {
            var report = FrontlineReports.File(request.Caller, Provider, Category, Text);
            return Redirect($"/frontline/new?filed={report.Id}");
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
        Providers = FrontlineReports.Providers(request.Caller);
        Mine = FrontlineReports.Mine(request.Caller);
    }
}
