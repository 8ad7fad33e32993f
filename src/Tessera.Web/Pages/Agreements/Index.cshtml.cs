using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Storage.Agreements;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Agreements;

/// <summary>
/// The agreements a user is party to, where each stands today and whose approval each still
/// needs: administrators all of them, a data partner those of its sources, an analyst their own
/// licences.
/// </summary>
[Requires(Capability.ViewAgreements)]
public sealed class IndexModel(RequestAccess request) : PageModel
{
    /// <summary>The agreements the user sees.</summary>
    public IReadOnlyList<AgreementStanding> Standings { get; private set; } = [];

    /// <summary>True when the user drafts licences.</summary>
    public bool MayManage => AccessPolicy.Permits(request.User, Capability.ManageAgreements);

    /// <summary>Shows the list.</summary>
    public void OnGet() => Standings = AgreementRegistry.List(request.Caller);

    /// <summary>The list as CSV or Excel (the columns of <c>tessera agreements list --format csv</c>).</summary>
    public IActionResult OnGetExport(string? format)
    {
        OnGet();
        return TableDownload.File(format, "agreements", "Agreements", AgreementStanding.Header, Standings.Select(s => s.Cells));
    }
}
