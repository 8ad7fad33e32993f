using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Intake.Inbox;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages;

/// <summary>Overview: what the workspace holds, source by source.</summary>
[Requires(Capability.ViewOverview)]
public sealed class IndexModel(WorkspaceCatalog catalog, RequestAccess access) : PageModel
{
    /// <summary>True when the workspace folder exists.</summary>
    public bool WorkspaceExists => catalog.Exists;

    /// <summary>Sources with deliveries in the inbox.</summary>
    public IReadOnlyList<InboxSource> Sources { get; private set; } = [];

    /// <summary>Shows the overview.</summary>
    public void OnGet() => Sources = Visible();

    /// <summary>The sources table as CSV.</summary>
    public IActionResult OnGetCsv() =>
        CsvExport.File("tessera-sources.csv", ["source", "deliveries", "first_month", "last_month", "files", "bytes"],
            Visible().Select(s => (IReadOnlyList<object?>)
            [
                s.Name, s.Deliveries.Count, s.Deliveries[0].Month.ToString(), s.Deliveries[^1].Month.ToString(),
                s.Deliveries.Sum(d => d.Files.Count), s.Bytes,
            ]));

    // A data partner sees their own agency's sources only.
    private List<InboxSource> Visible() => catalog.Inbox.Sources().Where(s => access.Sees(s.Name)).ToList();
}
