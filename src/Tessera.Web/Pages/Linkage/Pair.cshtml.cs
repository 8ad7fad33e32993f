using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Linking;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Linkage;

/// <summary>
/// One queued pair side by side: each record's identity values (SSNs shown as their last four
/// digits — the comparison level says how the full numbers compare), the match-weight waterfall,
/// and the decision. Opening it reads identifiers, so it is authorised and on record.
/// </summary>
[Requires(Capability.ReviewLinks)]
public sealed class PairModel(WorkspaceAccess access, RequestAccess request) : PageModel
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The queued pair.</summary>
    public ReviewItem Item { get; private set; } = null!;

    /// <summary>The left record's identity values by standard column (null: no longer in the workspace).</summary>
    public IReadOnlyDictionary<string, string>? Left { get; private set; }

    /// <summary>The right record's identity values.</summary>
    public IReadOnlyDictionary<string, string>? Right { get; private set; }

    /// <summary>The waterfall: each comparison's level and the weight it added, the prior first.</summary>
    public IReadOnlyList<WaterfallBar> Waterfall { get; private set; } = [];

    /// <summary>The reviewer's decision: match or non_match.</summary>
    [BindProperty]
    [Required]
    public string Decision { get; set; } = "";

    /// <summary>Why, in the reviewer's words.</summary>
    [BindProperty]
    [StringLength(500)]
    public string? Note { get; set; }

    /// <summary>Shows the pair.</summary>
    public IActionResult OnGet(long item)
    {
        if (access.Current is not { } workspace || new PersonIndex(workspace.Vault).ReviewItem(item) is not { } queued)
        {
            return NotFound();
        }

        request.Record(AuditAction.Read, $"identifiers of review item {item}");
        Item = queued;
        Left = WorkspaceLinker.IdentityOf(workspace, queued.LeftRecord);
        Right = WorkspaceLinker.IdentityOf(workspace, queued.RightRecord);
        Waterfall = JsonSerializer.Deserialize<List<WaterfallBar>>(queued.WaterfallJson, Json) ?? [];
        return Page();
    }

    /// <summary>Records the decision and goes back to the queue.</summary>
    public IActionResult OnPost(long item)
    {
        if (access.Current is not { } workspace || new PersonIndex(workspace.Vault).ReviewItem(item) is not { } queued)
        {
            return NotFound();
        }

        if (Decision is not (LinkDecision.Match or LinkDecision.NonMatch))
        {
            return BadRequest();
        }

        request.Record(AuditAction.Decide, $"review item {item}: {Decision}");
        new PersonIndex(workspace.Vault).Decide([(queued.LeftRecord, queued.RightRecord)], Decision, request.User.Name, Note ?? "", workspace.UtcNow);
        TempData[nameof(ReviewModel.Decided)] = string.Create(CultureInfo.InvariantCulture,
            $"Item {item}: recorded as {(Decision == LinkDecision.Match ? "the same person" : "two different persons")}. The next linkage run applies it.");
        return RedirectToPage("Review");
    }

    /// <summary>A value as the reviewer sees it: SSNs reduced to their last four digits.</summary>
    public static string Shown(string column, string? value) =>
        value is null ? "—" : column == "ssn" && value.Count(char.IsAsciiDigit) >= 4 ? "•••-••-" + new string(value.Where(char.IsAsciiDigit).ToArray())[^4..] : value;

    /// <summary>One bar of the waterfall.</summary>
    public sealed record WaterfallBar(string Comparison, string Level, double Weight);
}
