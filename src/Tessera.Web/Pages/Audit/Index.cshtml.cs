using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Audit;

/// <summary>The audit log for administrators: who did what, when, from where and why, filtered, with the tamper check's verdict.</summary>
[Requires(Capability.ReadAudit)]
public sealed class IndexModel(WorkspaceAccess access, RequestAccess request) : PageModel
{
    private const int Shown = 500;

    /// <summary>Only this user's records.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    /// <summary>Only this kind of access.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    /// <summary>Only allowed or only denied accesses.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Outcome { get; set; }

    /// <summary>Records shown, newest first.</summary>
    public IReadOnlyList<AuditRecord> Records { get; private set; } = [];

    /// <summary>Records matching the filters.</summary>
    public int Matching { get; private set; }

    /// <summary>Kinds of access present, for the filter.</summary>
    public IReadOnlyList<string> Actions { get; private set; } = [];

    /// <summary>The tamper check.</summary>
    public AuditVerification? Verification { get; private set; }

    /// <summary>Shows the log.</summary>
    public IActionResult OnGet()
    {
        if (access.Current is not { } workspace)
        {
            return NotFound();
        }

        request.Record(AuditAction.Read, "audit log");
        var all = workspace.Audit.Records(newestFirst: true);
        Verification = workspace.Audit.Verify();
        Actions = all.Select(r => r.Event.Action.Text()).Distinct().Order(StringComparer.Ordinal).ToList();
        var matching = Filter(all).ToList();
        Matching = matching.Count;
        Records = matching.Take(Shown).ToList();
        return Page();
    }

    /// <summary>The filtered records as CSV, oldest first.</summary>
    public IActionResult OnGetCsv()
    {
        if (access.Current is not { } workspace)
        {
            return NotFound();
        }

        request.Record(AuditAction.Export, "audit log");
        return CsvExport.File("tessera-audit.csv", ["sequence", "time_utc", "actor", "action", "target", "purpose", "origin", "outcome"],
            Filter(workspace.Audit.Records()).Select(r => (IReadOnlyList<object?>)[r.Sequence, r.TimeText, r.Event.Actor, r.Event.Action.Text(), r.Event.Target, r.Event.Purpose, r.Event.Origin, r.Event.Outcome.ToString().ToLowerInvariant()]));
    }

    private IEnumerable<AuditRecord> Filter(IEnumerable<AuditRecord> records) =>
        records.Where(r => (string.IsNullOrWhiteSpace(Actor) || r.Event.Actor.Contains(Actor.Trim(), StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrEmpty(Action) || r.Event.Action.Text() == Action)
            && (string.IsNullOrEmpty(Outcome) || string.Equals(r.Event.Outcome.ToString(), Outcome, StringComparison.OrdinalIgnoreCase)));
}
