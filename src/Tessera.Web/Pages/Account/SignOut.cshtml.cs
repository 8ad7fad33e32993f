using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Audit;
using Tessera.Web.Infrastructure;
using Tessera.Web.Sessions;

namespace Tessera.Web.Pages.Account;

/// <summary>
/// Ends the session (a form post, so another site cannot sign the user out) — on the server too,
/// so a copy of the cookie taken before signing out opens nothing afterwards.
/// </summary>
[OpenToAll]
public sealed class SignOutModel(RequestAccess access, WebSessions sessions) : PageModel
{
    /// <summary>Nothing to show; signing out is a post.</summary>
    public IActionResult OnGet() => Redirect("/");

    /// <summary>Signs out and records it.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            access.Record(AuditAction.SignOut, "session");
            sessions.End(User, "signed out");
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/");
    }
}
