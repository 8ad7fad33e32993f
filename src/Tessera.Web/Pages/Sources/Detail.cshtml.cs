using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Intake.Inbox;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Sources;

/// <summary>One source: each monthly delivery with its files and row counts.</summary>
[Requires(Capability.ViewInbox)]
public sealed class DetailModel(WorkspaceCatalog catalog, RequestAccess access) : PageModel
{
    /// <summary>The source shown.</summary>
    public InboxSource? Source { get; private set; }

    /// <summary>Rows per delivery and file, counted from the files.</summary>
    public IReadOnlyList<FileRow> Files { get; private set; } = [];

    /// <summary>Shows the source, or 404 when the workspace has no such source.</summary>
    public IActionResult OnGet(string name)
    {
        Source = Visible(name);
        if (Source is null)
        {
            return NotFound();
        }

        Files = Rows(Source);
        return Page();
    }

    /// <summary>The file table as CSV.</summary>
    public IActionResult OnGetCsv(string name)
    {
        var source = Visible(name);
        return source is null
            ? NotFound()
            : CsvExport.File($"tessera-{source.Name}-deliveries.csv", ["month", "file", "rows", "bytes", "not_counted"],
                Rows(source).Select(r => (IReadOnlyList<object?>)[r.Month, r.File, r.Rows, r.Bytes, r.NotCounted]));
    }

    // Another agency's source is "not found": its existence is not confirmed either.
    private InboxSource? Visible(string name)
    {
        var source = catalog.Inbox.Source(name);
        if (source is not null && !access.Sees(source.Name))
        {
            access.Record(AuditAction.Denied, "inbox of " + source.Name, Governance.Audit.AuditOutcome.Denied);
            return null;
        }

        return source;
    }

    private static List<FileRow> Rows(InboxSource source) =>
        source.Deliveries.SelectMany(d => d.Files.Select(f =>
        {
            var (rows, problem) = DeliveryInbox.CountRows(f.Path);
            return new FileRow(d.Month.ToString(), f.Name, rows, f.Bytes, problem);
        })).ToList();

    /// <summary>One delivered file; <see cref="Rows"/> is null, and <see cref="NotCounted"/> says why, for a zip beyond the intake's limits.</summary>
    public sealed record FileRow(string Month, string File, long? Rows, long Bytes, string? NotCounted);
}
