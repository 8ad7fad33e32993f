using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Intake.Delivering;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Deliveries;

/// <summary>
/// Upload of one delivery from the browser: the files of one month (or an HMIS export zip) are
/// received into a private folder inside the workspace, ingested exactly as <c>tessera ingest</c>
/// would, and removed again whatever the outcome.
/// </summary>
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
[Requires(Capability.Deliver)]
public sealed class UploadModel(WorkspaceAccess access, RequestAccess request) : PageModel
{
    /// <summary>Largest upload accepted (4 GiB); larger extracts go through <c>tessera ingest</c>.</summary>
    public const long MaxUploadBytes = 4L << 30;

    /// <summary>Source delivering.</summary>
    [BindProperty]
    public string? Source { get; set; }

    /// <summary>Month covered, YYYY-MM (not needed for HMIS exports).</summary>
    [BindProperty]
    public string? Period { get; set; }

    /// <summary>Registered sources.</summary>
    public IReadOnlyList<string> Sources { get; private set; } = [];

    /// <summary>The outcome after a post.</summary>
    public DeliveryOutcome? Outcome { get; private set; }

    /// <summary>A problem with the form itself.</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows the form.</summary>
    public IActionResult OnGet()
    {
        if (access.Current is not { } workspace)
        {
            return RedirectToPage("/Deliveries/Index");
        }

        Sources = Deliverable(workspace);
        return Page();
    }

    /// <summary>Receives the files and ingests them as one delivery.</summary>
    public async Task<IActionResult> OnPostAsync(List<IFormFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (access.Current is not { } workspace)
        {
            return RedirectToPage("/Deliveries/Index");
        }

        Sources = Deliverable(workspace);
        if (!string.IsNullOrEmpty(Source) && !request.Permits(Capability.Deliver, Source))
        {
            // A data partner (or a service token) delivers to its own sources only.
            request.Record(AuditAction.Denied, "delivery to " + Source, AuditOutcome.Denied);
            return Forbid();
        }

        if (string.IsNullOrEmpty(Source) || !Sources.Contains(Source))
        {
            Problem = "Choose the source the files come from.";
        }
        else if (files.Count == 0)
        {
            Problem = "Choose the files of one delivery (or one HMIS export zip).";
        }
        else
        {
            request.Record(AuditAction.Ingest, "delivery to " + Source);
            Outcome = await IngestAsync(workspace, files, cancellationToken);
        }

        return Request.Headers.ContainsKey("HX-Request") ? Partial("_UploadResult", this) : Page();
    }

    private List<string> Deliverable(Storage.Workspaces.Workspace workspace) =>
        workspace.Sources.List(request.Scope).Select(s => s.Name).Where(s => request.Permits(Capability.Deliver, s)).ToList();

    private Task<DeliveryOutcome> IngestAsync(Storage.Workspaces.Workspace workspace, List<IFormFile> files, CancellationToken cancellationToken) =>
        UploadedDelivery.IngestAsync(workspace, Source!, Period, files, cancellationToken);
}
