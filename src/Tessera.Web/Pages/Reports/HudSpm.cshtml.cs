using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Reporting;
using Tessera.Storage.Workspaces;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Reports;

/// <summary>
/// HUD's System Performance Measures for a report period, table by table as HUD lays them out,
/// and as CSV (<c>table,cell,value</c>, the same as <c>tessera report hud-spm</c>). Exact figures:
/// they go to HUD; only administrators and the HMIS source's own data-partner staff run it.
/// </summary>
[Requires(Capability.RunHudReports)]
public sealed class HudSpmModel(WorkspaceAccess access, RequestAccess request, TimeProvider clock) : PageModel
{
    /// <summary>First day of the report period (default: the last complete federal fiscal year).</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>Last day of the report period.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>The report, or null before one is asked for or when it cannot run.</summary>
    public HudSpmResult? Report { get; private set; }

    /// <summary>Why the report could not run, in plain language.</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows the form, and the report when a period is given.</summary>
    public IActionResult OnGet()
    {
        if (access.Current is null)
        {
            return NotFound();
        }

        Run(always: false);
        return Page();
    }

    /// <summary>The report as CSV: table,cell,value.</summary>
    public IActionResult OnGetCsv()
    {
        if (access.Current is null || !Run(always: true) || Report is null)
        {
            return NotFound();
        }

        request.Record(AuditAction.Export, $"HUD SPM {Report.From:yyyy-MM-dd} to {Report.To:yyyy-MM-dd}");
        return CsvExport.File("hud-spm.csv", ["table", "cell", "value"], Report.Cells.Select(c => (IReadOnlyList<object?>)[c.Table, c.Cell, c.Value]));
    }

    private bool Run(bool always)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var fiscalEnd = new DateOnly(today.Month >= 10 ? today.Year : today.Year - 1, 9, 30);
        if (From is null || To is null)
        {
            (From, To) = (fiscalEnd.AddYears(-1).AddDays(1), fiscalEnd);
            if (!always)
            {
                return true;
            }
        }

        var workspace = access.Current!;
        var sources = workspace.Sources.List().Select(s => s.Name).Where(n => workspace.Sources.Dictionaries(n).Any(d => d.IsHmis) && request.Sees(n)).ToList();
        if (sources.Count == 0)
        {
            Problem = "You have no HMIS source to report on.";
            return false;
        }

        try
        {
            Report = HudSpmRun.Run(workspace, sources.Count == 1 ? sources[0] : null, From.Value, To.Value, null);
            request.Record(AuditAction.Report, string.Create(CultureInfo.InvariantCulture, $"HUD SPM {From:yyyy-MM-dd} to {To:yyyy-MM-dd}"));
            return true;
        }
        catch (WorkspaceException ex)
        {
            Problem = ex.Message;
            return false;
        }
    }
}
