using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Intake.Delivering;
using Tessera.Intake.Quality;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Deliveries;

/// <summary>One delivery: its status and its data-quality profile, with charts, and links to its quarantine.</summary>
[Requires(Capability.ViewDeliveryQuality)]
public sealed class DetailModel(WorkspaceAccess access, RequestAccess request) : PageModel
{
    /// <summary>The delivery.</summary>
    public DeliveryLedgerEntry Delivery { get; private set; } = null!;

    /// <summary>Its quality profile (null for a rejected delivery).</summary>
    public QualityReport? Report { get; private set; }

    /// <summary>Shows the delivery.</summary>
    public IActionResult OnGet(long id) => Load(id) ? Page() : NotFound();

    /// <summary>The quality profile as JSON.</summary>
    public IActionResult OnGetJson(long id) =>
        Load(id) && Delivery.QualityJson is { } json && Exported(id)
            ? File(Encoding.UTF8.GetBytes(json), "application/json", $"quality-{Delivery.Source}-{id}.json")
            : NotFound();

    /// <summary>The quality profile as a stand-alone HTML page.</summary>
    public IActionResult OnGetHtml(long id) =>
        Load(id) && Report is not null && Exported(id)
            ? File(Encoding.UTF8.GetBytes(QualityHtml.Render(Report)), "text/html", $"quality-{Delivery.Source}-{id}.html")
            : NotFound();

    /// <summary>Every field's completeness and invalid counts as CSV.</summary>
    public IActionResult OnGetCsv(long id) =>
        Load(id) && Report is not null && Exported(id)
            ? CsvExport.File($"quality-{Delivery.Source}-{id}.csv", ["file", "field", "rows", "filled", "completeness", "invalid"],
                Report.Files.SelectMany(f => f.Fields.Select(x => (IReadOnlyList<object?>)[f.File, x.Field, x.Rows, x.Filled, x.Completeness.ToString("0.0000", CultureInfo.InvariantCulture), string.Join("; ", x.Invalid.Select(i => $"{i.Key}={i.Value}"))])))
            : NotFound();

    /// <summary>Chart labels: the fields of <paramref name="file"/>.</summary>
    public static string Labels(FileProfile file) => string.Join("|", file.Fields.Select(f => f.Field));

    /// <summary>Chart values: each field's completeness in percent.</summary>
    public static string Values(FileProfile file) => string.Join("|", file.Fields.Select(f => (f.Completeness * 100).ToString("0.#", CultureInfo.InvariantCulture)));

    private bool Exported(long id)
    {
        request.Record(AuditAction.Export, $"quality profile of delivery {id}");
        return true;
    }

    private bool Load(long id)
    {
        var workspace = access.Current;
        if (workspace?.Vault.Delivery(id, request.Scope) is not { } delivery)
        {
            if (workspace?.Vault.Delivery(id) is not null)
            {
                // Another agency's delivery is "not found", and the attempt is on record.
                request.Record(AuditAction.Denied, $"quality profile of delivery {id}", AuditOutcome.Denied);
            }

            return false;
        }

        Delivery = delivery;
        Report = delivery.QualityJson is { } json ? JsonSerializer.Deserialize<QualityReport>(json, DeliveryProcessor.JsonOptions) : null;
        return true;
    }
}
