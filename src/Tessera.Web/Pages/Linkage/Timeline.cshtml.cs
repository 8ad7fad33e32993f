using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Linking;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Linkage;

/// <summary>
/// A person's timeline across agencies — or their family's: every event their linked records hold,
/// in date order, with the source, the provider and the law protecting it. Person-level:
/// administrators only, every view on record.
/// </summary>
[Requires(Capability.ViewTimelines)]
public sealed class TimelineModel(RequestAccess request) : PageModel
{
    /// <summary>The CSV and Excel columns.</summary>
    public static IReadOnlyList<string> Header { get; } = ["date", "end", "person", "relation", "source", "file", "event", "provider", "protections"];

    /// <summary>The timeline.</summary>
    public Timeline Timeline { get; private set; } = null!;

    /// <summary>True when the family's events are included.</summary>
    public bool Family { get; private set; }

    /// <summary>Shows the timeline.</summary>
    public IActionResult OnGet(string person, bool family = false) => Load(person, family) ? Page() : NotFound();

    /// <summary>The timeline as CSV or Excel.</summary>
    public IActionResult OnGetExport(string person, bool family, string? format) => Load(person, family)
        ? TableDownload.File(format, string.Create(CultureInfo.InvariantCulture, $"timeline-{person}"), "Timeline", Header, Timeline.Events.Select(e => (IReadOnlyList<object?>)[
            e.Date, e.End, e.Person, e.Relation, e.Source, e.File, e.Type, e.Provider, string.Join("; ", e.Protections)]))
        : NotFound();

    private bool Load(string person, bool family)
    {
        try
        {
            Timeline = Timelines.Of(request.Caller, person, family);
            Family = family;
            return true;
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }
    }
}
