using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Storage.Planning;
using Tessera.Storage.Workspaces;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Plan;

/// <summary>
/// Utilisation by program (or agency) and month: persons served each month as a line chart and a
/// table (CSV, Excel), counts of 1 to 10 hidden except for administrators.
/// </summary>
[Requires(Capability.ViewPlanning)]
public sealed class UtilisationModel(RequestAccess request) : PageModel
{
    /// <summary>program or source.</summary>
    [BindProperty(SupportsGet = true)]
    public string By { get; set; } = "program";

    /// <summary>A day of the first month, if given.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>A day of the last month, if given.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>The table.</summary>
    public UtilisationTable? Table { get; private set; }

    /// <summary>Why there is nothing to show.</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows it.</summary>
    public IActionResult OnGet()
    {
        Load();
        if (By is not ("program" or "source"))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>The table as CSV (month,program,name,persons — by source month,source,persons) or Excel; hidden counts are empty.</summary>
    public IActionResult OnGetExport(string? format)
    {
        Load();
        if (Table is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var cells = Table.Rows.SelectMany(r => Table.Months.Zip(r.Persons).Select(m => (Row: r, Month: m.First.ToString(), Persons: m.Second)));
        return Table.By == UtilisationBy.Program
            ? TableDownload.File(format, "utilisation-by-program", "By program", ["month", "program", "name", "persons"], cells.Select(c => (IReadOnlyList<object?>)[c.Month, c.Row.Id, c.Row.Name, c.Persons]))
            : TableDownload.File(format, "utilisation-by-source", "By source", ["month", "source", "persons"], cells.Select(c => (IReadOnlyList<object?>)[c.Month, c.Row.Id, c.Persons]));
    }

    /// <summary>The chart's series: a line per program or agency.</summary>
    public string Series() => JsonSerializer.Serialize(Table!.Rows.Select(r => new
    {
        label = r.Name,
        values = string.Join("|", r.Persons.Select(p => p?.ToString(CultureInfo.InvariantCulture) ?? "")),
    }));

    private void Load()
    {
        if (!Enum.TryParse<UtilisationBy>(By, ignoreCase: true, out var by) || By is not ("program" or "source"))
        {
            Problem = "Count utilisation by program or by source.";
            return;
        }

        try
        {
            Table = Utilisation.Of(request.Caller, by, From, To);
        }
        catch (WorkspaceException e)
        {
            Problem = e.Message;
        }
    }
}
