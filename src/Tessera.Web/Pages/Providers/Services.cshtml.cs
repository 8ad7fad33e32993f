using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Intake.Delivering;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Providers;

/// <summary>
/// A provider sends its own service records — a month of attendance and contacts from its own
/// system — and sees each delivery it sent: accepted whole or rejected whole, with the rows held
/// back and why. Another provider's page is "not found".
/// </summary>
[RequestSizeLimit(Pages.Deliveries.UploadModel.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = Pages.Deliveries.UploadModel.MaxUploadBytes)]
[Requires(Capability.DeliverServiceData)]
public sealed class ServicesModel(RequestAccess request) : PageModel
{
    /// <summary>The CSV and Excel columns of the deliveries table.</summary>
    public static IReadOnlyList<string> Header { get; } = ["delivery", "source", "period", "status", "received_utc", "rows_read", "rows_accepted", "rows_quarantined", "files", "reason"];

    /// <summary>The provider's id.</summary>
    public string Provider { get; private set; } = "";

    /// <summary>The sources providers deliver.</summary>
    public IReadOnlyList<string> Sources { get; private set; } = [];

    /// <summary>The provider's deliveries, newest first.</summary>
    public IReadOnlyList<DeliveryLedgerEntry> Deliveries { get; private set; } = [];

    /// <summary>The source chosen.</summary>
    [BindProperty]
    public string? Source { get; set; }

    /// <summary>The month the files cover, YYYY-MM.</summary>
    [BindProperty]
    public string? Period { get; set; }

    /// <summary>What became of the upload.</summary>
    public DeliveryOutcome? Outcome { get; private set; }

    /// <summary>Why nothing was sent.</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows the form and the deliveries.</summary>
    public IActionResult OnGet(string provider) => Load(provider) ? Page() : NotFound();

    /// <summary>The deliveries as CSV or Excel.</summary>
    public IActionResult OnGetExport(string provider, string? format) => Load(provider)
        ? TableDownload.File(format, $"{provider}-service-deliveries", "Deliveries", Header, Deliveries.Select(Row))
        : NotFound();

    /// <summary>Receives a month's files and ingests them as the provider's delivery.</summary>
    public async Task<IActionResult> OnPostAsync(string provider, List<IFormFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (!Load(provider))
        {
            return NotFound();
        }

        Source ??= Sources.Count == 1 ? Sources[0] : null;
        if (Source is null || !Sources.Contains(Source))
        {
            Problem = "Choose what the files hold.";
        }
        else if (files.Count == 0)
        {
            Problem = "Choose the files of one month (attendance.csv, contacts.csv).";
        }
        else
        {
            try
            {
                Outcome = await UploadedDelivery.IngestAsync(request.Caller, Source, provider, Period, files, cancellationToken);
            }
            catch (AccessDeniedException denied) when (denied.NotFound)
            {
                return NotFound();
            }

            Load(provider);
        }

        if (Problem is not null || Outcome?.Status == DeliveryOutcome.Rejected)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>A delivery's cells in <see cref="Header"/>'s order.</summary>
    public static IReadOnlyList<object?> Row(DeliveryLedgerEntry d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return [d.Id, d.Source, d.PeriodLabel, d.Status, d.ReceivedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), d.RowsRead, d.RowsAccepted, d.RowsQuarantined, d.Files, d.StatusReason];
    }

    private bool Load(string provider)
    {
        try
        {
            Deliveries = ServiceDeliveries.List(request.Caller, provider);
            Sources = ServiceDeliveries.Sources(request.Caller.Workspace);
            Provider = provider;
            return true;
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }
    }
}
