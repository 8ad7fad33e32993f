using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Intake.Delivering;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Deliveries;

/// <summary>
/// The rows a delivery set aside, with file, row, column, rule and what was expected, for the
/// data partner to correct. Values of identifying columns stay hidden (they are stored
/// encrypted); the security issue adds roles that may reveal them.
/// </summary>
[Requires(Capability.ViewQuarantine)]
public sealed class QuarantineModel(WorkspaceAccess access, RequestAccess request) : PageModel
{
    private const int Shown = 1_000;

    /// <summary>Only this file's entries, when set.</summary>
    [BindProperty(SupportsGet = true)]
    public string? FileName { get; set; }

    /// <summary>Only this rule's entries, when set.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Rule { get; set; }

    /// <summary>The delivery.</summary>
    public DeliveryLedgerEntry Delivery { get; private set; } = null!;

    /// <summary>Entries shown.</summary>
    public IReadOnlyList<QuarantineEntry> Entries { get; private set; } = [];

    /// <summary>Entries of the delivery in all.</summary>
    public int Total { get; private set; }

    /// <summary>Files and rules present, for the filters.</summary>
    public IReadOnlyList<string> Files { get; private set; } = [];

    /// <summary>Rules present.</summary>
    public IReadOnlyList<string> Rules { get; private set; } = [];

    /// <summary>What is shown in place of a hidden identifier.</summary>
    public const string Hidden = "•••• (identifier hidden)";

    /// <summary>Shows the entries.</summary>
    public IActionResult OnGet(long id)
    {
        if (Load(id) is not { } entries)
        {
            return NotFound();
        }

        request.Record(AuditAction.Read, $"quarantine of delivery {id}");
        return Show(entries);
    }

    /// <summary>The filtered entries as CSV (identifiers hidden, formulas neutralised).</summary>
    public IActionResult OnGetCsv(long id) =>
        Load(id) is { } entries && Exported(id)
            ? CsvExport.File($"quarantine-{Delivery.Source}-{id}.csv", ["file", "row", "column", "rule", "expected", "value"],
                Filter(entries).Select(e => (IReadOnlyList<object?>)[e.File, e.Row, e.Column, e.Rule.ToString(), e.Expected, Display(e)]))
            : NotFound();

    /// <summary>The value as it may be shown.</summary>
    public static string Display(QuarantineEntry entry) => entry?.SealedValue is not null ? Hidden : entry?.PlainValue ?? "";

    private PageResult Show(IReadOnlyList<QuarantineEntry> entries)
    {
        Total = entries.Count;
        Files = entries.Select(e => e.File).Distinct().Order(StringComparer.Ordinal).ToList();
        Rules = entries.Select(e => e.Rule.ToString()).Distinct().Order(StringComparer.Ordinal).ToList();
        Entries = Filter(entries).Take(Shown).ToList();
        return Page();
    }

    private IEnumerable<QuarantineEntry> Filter(IEnumerable<QuarantineEntry> entries) =>
        entries.Where(e => (string.IsNullOrEmpty(FileName) || e.File == FileName) && (string.IsNullOrEmpty(Rule) || e.Rule.ToString() == Rule));

    private bool Exported(long id)
    {
        request.Record(AuditAction.Export, $"quarantine of delivery {id}");
        return true;
    }

    private IReadOnlyList<QuarantineEntry>? Load(long id)
    {
        var workspace = access.Current;
        if (workspace?.Vault.Delivery(id, request.Scope) is not { } delivery)
        {
            if (workspace?.Vault.Delivery(id) is not null)
            {
                // Another agency's quarantine is "not found", and the attempt is on record.
                request.Record(AuditAction.Denied, $"quarantine of delivery {id}", AuditOutcome.Denied);
            }

            return null;
        }

        Delivery = delivery;
        return workspace.Vault.Quarantined(id, QuarantineBuffer.MaxStored, request.Scope);
    }
}
