using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Storage.Planning;
using Tessera.Storage.Workspaces;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Plan;

/// <summary>
/// Service overlap: how many persons and families each combination of agencies touches, as an
/// UpSet chart (a bar per exact combination, with the agencies in it marked below) and a table,
/// over the whole record or a window. Counts of 1 to 10 (and those that would reveal one) are
/// hidden except for administrators.
/// </summary>
[Requires(Capability.ViewPlanning)]
public sealed class OverlapModel(RequestAccess request) : PageModel
{
    /// <summary>The combinations the chart draws (the table lists every one).</summary>
    public const int ChartColumns = 20;

    /// <summary>The overlap.</summary>
    public Overlap? Overlap { get; private set; }

    /// <summary>The window's first day, if any.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>The window's last day, if any.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>Why there is no overlap to show.</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows it.</summary>
    public IActionResult OnGet()
    {
        Load();
        return Page();
    }

    /// <summary>The combinations as CSV (header sources,persons,families) or Excel; hidden counts are empty.</summary>
    public IActionResult OnGetExport(string? format)
    {
        Load();
        if (Overlap is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return TableDownload.File(format, "service-overlap", "Service overlap", ["sources", "persons", "families"],
            Overlap.Rows.Where(r => r.Persons != 0).Select(r => (IReadOnlyList<object?>)[r.Key, r.Persons, r.Families]));
    }

    /// <summary>An SVG text element (Razor keeps <c>&lt;text&gt;</c> for itself), its content encoded.</summary>
    public static IHtmlContent Label(int x, int y, int size, string anchor, string content) =>
        new HtmlString(string.Create(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\" text-anchor=\"{anchor}\" fill=\"#1b1b1b\">{HtmlEncoder.Default.Encode(content)}</text>"));

    /// <summary>An agency's total as the page shows it: "at least" when it adds up only the combinations shown.</summary>
    public static string Total(long count, bool atLeast) => (atLeast ? "at least " : "") + count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A count as the page shows it.</summary>
    public static string Count(long? count) => count is { } c ? c.ToString("N0", CultureInfo.InvariantCulture) : "hidden";

    private void Load()
    {
        try
        {
            Overlap = ServiceOverlap.Of(request.Caller, From, To);
        }
        catch (WorkspaceException e)
        {
            Problem = e.Message;
        }
    }
}
