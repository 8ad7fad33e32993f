using System.Globalization;
using System.IO.Compression;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Releases;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Releases;

/// <summary>
/// One release: its licence, each file with its rows, suppressed rows, smallest class and
/// information loss, what was done to every column, the checks it passed, and the download (a zip
/// of the CSV and Parquet files and manifest.json, decrypted as it is sent).
/// </summary>
[Requires(Capability.BuildReleases)]
public sealed class DetailModel(RequestAccess request) : PageModel
{
    /// <summary>The release's manifest.</summary>
    public ReleaseManifest Manifest { get; private set; } = null!;

    /// <summary>Why the download was refused.</summary>
    public IReadOnlyList<string> Refusals { get; private set; } = [];

    /// <summary>Shows the release.</summary>
    public IActionResult OnGet(long id) => Load(id) ? Page() : NotFound();

    /// <summary>The release as a zip, while its licence allows it.</summary>
    public IActionResult OnGetDownload(long id)
    {
        var zip = new MemoryStream();
        try
        {
            using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            {
                ReleaseBuilder.Download(request.Caller, id, name => archive.CreateEntry(name, CompressionLevel.Optimal).Open());
            }
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            zip.Dispose();
            return NotFound();
        }
        catch (ReleaseRefusedException refused)
        {
            zip.Dispose();
            Refusals = refused.Reasons;
            if (!Load(id))
            {
                return NotFound();
            }

            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        zip.Position = 0;
        return File(zip, "application/zip", string.Create(CultureInfo.InvariantCulture, $"release-{id}.zip"));
    }

    private bool Load(long id)
    {
        try
        {
            Manifest = ReleaseBuilder.Manifest(request.Caller, id);
            return true;
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }
    }
}
