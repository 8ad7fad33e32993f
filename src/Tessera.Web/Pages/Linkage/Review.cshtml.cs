using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Linking;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Linkage;

/// <summary>
/// The clerical review queue: pairs the last linkage run was unsure about, most likely matches
/// first, each opening a side-by-side view. Lists where records come from and their person ids,
/// never a name.
/// </summary>
[Requires(Capability.ReviewLinks)]
public sealed class ReviewModel(WorkspaceAccess access, RequestAccess request) : PageModel
{
    private const int Shown = 500;

    /// <summary>Queued pairs, most likely matches first.</summary>
    public IReadOnlyList<ReviewItem> Items { get; private set; } = [];

    /// <summary>What the last decision was, shown once after deciding.</summary>
    [TempData]
    public string? Decided { get; set; }

    /// <summary>Shows the queue.</summary>
    public IActionResult OnGet()
    {
        if (!Load())
        {
            return NotFound();
        }

        request.Record(AuditAction.Read, "clerical review queue");
        return Page();
    }

    /// <summary>The queue as CSV.</summary>
    public IActionResult OnGetCsv()
    {
        if (!Load())
        {
            return NotFound();
        }

        request.Record(AuditAction.Export, "clerical review queue");
        return CsvExport.File("review-queue.csv", ["item", "match_probability", "match_weight", "left_from", "left_person", "right_from", "right_person"],
            Items.Select(i => (IReadOnlyList<object?>)[i.Item, i.MatchProbability.ToString("0.0000", CultureInfo.InvariantCulture), i.MatchWeight.ToString("0.00", CultureInfo.InvariantCulture), RecordKey.Origin(i.LeftRecord), i.LeftPerson, RecordKey.Origin(i.RightRecord), i.RightPerson]));
    }

    private bool Load()
    {
        if (access.Current is not { } workspace)
        {
            return false;
        }

        var index = new PersonIndex(workspace.Vault);
        Items = index.ReviewQueue(Shown);
        return true;
    }
}
