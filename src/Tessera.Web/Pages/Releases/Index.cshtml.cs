using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Agreements;
using Tessera.Storage.Releases;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Releases;

/// <summary>
/// An analyst's releases: their licences with where each stands, a button to build a release under
/// each active one, and the releases built so far to download. A release the agreements do not
/// allow is refused with every reason.
/// </summary>
[Requires(Capability.BuildReleases)]
public sealed class IndexModel(RequestAccess request) : PageModel
{
    /// <summary>The CSV and Excel columns of the releases.</summary>
    public static IReadOnlyList<string> Header { get; } = ReleaseSummary.Header.Split(',');

    /// <summary>The licences the user may build under (their own; an administrator's all).</summary>
    public IReadOnlyList<AgreementStanding> Licences { get; private set; } = [];

    /// <summary>The releases built.</summary>
    public IReadOnlyList<ReleaseSummary> Built { get; private set; } = [];

    /// <summary>Why the last build was refused.</summary>
    public IReadOnlyList<string> Refusals { get; private set; } = [];

    /// <summary>Shows the page.</summary>
    public void OnGet() => Load();

    /// <summary>The releases as CSV or Excel.</summary>
    public IActionResult OnGetExport(string? format)
    {
        Load();
        return TableDownload.File(format, "releases", "Releases", Header,
            Built.Select(r => (IReadOnlyList<object?>)[r.Id, r.Dul, r.Project, r.Licensee, r.Level, r.BuiltBy, r.BuiltUtc.ToString("O", CultureInfo.InvariantCulture), r.Files, r.Rows, r.People, r.DownloadedBy, r.DownloadedUtc?.ToString("O", CultureInfo.InvariantCulture)]));
    }

    /// <summary>Builds a release under licence <paramref name="dul"/>.</summary>
    public IActionResult OnPostBuild(string? dul)
    {
        try
        {
            if (string.IsNullOrWhiteSpace(dul))
            {
                throw new ReleaseRefusedException("Choose the licence to build a release under.");
            }

            var manifest = ReleaseBuilder.Build(request.Caller, dul);
            return Redirect(string.Create(CultureInfo.InvariantCulture, $"/releases/{manifest.Release}"));
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return NotFound();
        }
        catch (ReleaseRefusedException refused)
        {
            Refusals = refused.Reasons;
        }

        Load();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private void Load()
    {
        var user = request.User;
        Licences = AccessPolicy.Permits(user, Capability.ViewAgreements)
            ? [.. AgreementRegistry.List(request.Caller).Where(s => s.Kind == "dul")]
            : [];
        Built = ReleaseBuilder.List(request.Caller);
    }
}
