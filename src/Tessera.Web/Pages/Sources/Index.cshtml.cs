using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Core.Time;
using Tessera.Governance.Access;
using Tessera.Intake.Inbox;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Sources;

/// <summary>Delivery calendar: which months each source has delivered, so gaps stand out.</summary>
[Requires(Capability.ViewInbox)]
public sealed class IndexModel(WorkspaceCatalog catalog, RequestAccess access) : PageModel
{
    /// <summary>Sources with deliveries.</summary>
    public IReadOnlyList<InboxSource> Sources { get; private set; } = [];

    /// <summary>Every month from the earliest to the latest delivery of any source.</summary>
    public IReadOnlyList<YearMonth> Months { get; private set; } = [];

    /// <summary>Shows the calendar.</summary>
    public void OnGet()
    {
        Sources = catalog.Inbox.Sources().Where(s => access.Sees(s.Name)).ToList();
        Months = Span(Sources);
    }

    /// <summary>The calendar as CSV: one row per source and month with the delivery's file count and size.</summary>
    public IActionResult OnGetCsv()
    {
        var sources = catalog.Inbox.Sources().Where(s => access.Sees(s.Name));
        return CsvExport.File("tessera-delivery-calendar.csv", ["source", "month", "files", "bytes", "provider"],
            sources.SelectMany(s => s.Deliveries.Select(d => (IReadOnlyList<object?>)[s.Name, d.Month.ToString(), d.Files.Count, d.Bytes, d.Provider])));
    }

    /// <summary>The deliveries of <paramref name="source"/> for <paramref name="month"/> that arrived (one per provider for a source providers deliver).</summary>
    public static IReadOnlyList<InboxDelivery> DeliveriesOf(InboxSource source, YearMonth month) =>
        source?.Deliveries.Where(d => d.Month == month).ToList() ?? [];

    private static List<YearMonth> Span(IReadOnlyList<InboxSource> sources)
    {
        if (sources.Count == 0)
        {
            return [];
        }

        var first = sources.Min(s => s.Deliveries[0].Month);
        var last = sources.Max(s => s.Deliveries[^1].Month);
        return Enumerable.Range(0, last.Ordinal - first.Ordinal + 1).Select(first.AddMonths).ToList();
    }
}
