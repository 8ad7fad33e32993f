using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Agreements;
using Tessera.Storage.Workspaces;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Agreements;

/// <summary>
/// One agreement in full: its text in plain words, who approved this version and when, and the
/// buttons its parties use — a data partner approves as its agency, an administrator as the review
/// body (or for a party that signed on paper), records the community advisory team's consultation,
/// or revokes it.
/// </summary>
[Requires(Capability.ViewAgreements)]
public sealed class DetailModel(RequestAccess request) : PageModel
{
    /// <summary>The agreement.</summary>
    public AgreementDetail Agreement { get; private set; } = null!;

    /// <summary>The parties the user may approve it as now.</summary>
    public IReadOnlyList<string> ApproveAs { get; private set; } = [];

    /// <summary>True when the user records consultations and revokes.</summary>
    public bool MayManage => AccessPolicy.Permits(request.User, Capability.ManageAgreements);

    /// <summary>Why the last action was refused.</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows the agreement.</summary>
    public IActionResult OnGet(string id) => Load(id) ? Page() : NotFound();

    /// <summary>Approves the agreement's current version as <paramref name="party"/>.</summary>
    [Requires(Capability.ApproveAgreements)]
    public IActionResult OnPostApprove(string id, string? party) => Act(id, () => AgreementRegistry.Approve(request.Caller, id, party ?? ""));

    /// <summary>Records the community advisory team's consultation.</summary>
    [Requires(Capability.ManageAgreements)]
    public IActionResult OnPostConsult(string id) => Act(id, () => AgreementRegistry.RecordConsultation(request.Caller, id));

    /// <summary>Revokes the agreement from today.</summary>
    [Requires(Capability.ManageAgreements)]
    public IActionResult OnPostRevoke(string id) => Act(id, () => AgreementRegistry.Revoke(request.Caller, id));

    private IActionResult Act(string id, Action act)
    {
        try
        {
            act();
            return Redirect("/agreements/" + Uri.EscapeDataString(id));
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return NotFound();
        }
        catch (WorkspaceException wrong)
        {
            Problem = wrong.Message;
        }

        if (!Load(id))
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private bool Load(string id)
    {
        try
        {
            Agreement = AgreementRegistry.Detail(request.Caller, id);
            ApproveAs = AgreementRegistry.ApprovableBy(request.User, Agreement);
            return true;
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }
    }
}
